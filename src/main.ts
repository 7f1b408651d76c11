import './shell/ts-app.ts';
import './app.css';
import { registerServiceWorker } from './shell/service-worker.ts';

if (document.readyState === 'complete') registerServiceWorker();
else window.addEventListener('load', registerServiceWorker, { once: true });
