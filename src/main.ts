import './shell/ts-app.ts';
import './app.css';
