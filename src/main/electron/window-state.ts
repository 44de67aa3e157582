// Remember the window's size and position between runs, and never restore it off-screen.
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import fs from 'node:fs';
import path from 'node:path';

export interface WindowState extends Rectangle {
  maximized: boolean;
}

const DEFAULT: WindowState = { x: 0, y: 0, width: 1400, height: 900, maximized: false };

export function loadWindowState(dir: string): WindowState {
  try {
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8')) as WindowState;
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return saved.x < a.x + a.width && saved.x + saved.width > a.x && saved.y < a.y + a.height && saved.y + saved.height > a.y;
    });
    if (visible && saved.width >= 800 && saved.height >= 600) return saved;
  } catch {
    // First run or an unreadable file: fall back to the default size.
  }
  const area = screen.getPrimaryDisplay().workArea;
  const width = Math.min(DEFAULT.width, area.width);
  const height = Math.min(DEFAULT.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
    maximized: false,
  };
}

export function trackWindowState(win: BrowserWindow, dir: string): void {
  const save = () => {
    const state: WindowState = { ...win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      fs.writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify(state));
    } catch {
      // Not worth interrupting the user for: the next start uses the default size.
    }
  };
  win.on('close', save);
}
