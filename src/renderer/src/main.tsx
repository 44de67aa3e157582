import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/item.css';
import './styles/round-trip.css';
import './styles/search.css';
import './styles/editions.css';
// Last: the font size and dark mode redefine what the files above set.
import './styles/theme.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
