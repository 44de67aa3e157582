import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { invoke } from './api-client';

function App() {
  return <main>協議会デスク</main>;
}

void invoke;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
