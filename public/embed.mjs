// The host SDK as an ES module: the same code as /embed.js, which defines globalThis.Talentscan.
import './embed.js';

export const Talentscan = globalThis.Talentscan;
export default Talentscan;
