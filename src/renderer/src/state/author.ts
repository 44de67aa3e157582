// Who is editing: the saved author name, asked for before the first save and switchable from the header.
import { invoke } from '../api-client';
import { useApp } from './app-state';

const get = useApp.getState;
const set = useApp.setState;

export function askAuthor(): Promise<string | null> {
  return new Promise((resolve) => set({ authorPrompt: { resolve } }));
}

export async function answerAuthor(name: string | null): Promise<void> {
  const prompt = get().authorPrompt;
  set({ authorPrompt: null });
  if (name) {
    try {
      const prefs = await invoke('prefs.set', { author: name });
      set({ author: prefs.author });
    } catch {
      set({ author: name });
    }
  }
  prompt?.resolve(name);
}

/** The author for the next revision: the saved one, or asked now (null when the user cancels). */
export async function ensureAuthor(): Promise<string | null> {
  return get().author || (await askAuthor());
}

export function changeAuthor(): void {
  void askAuthor();
}
