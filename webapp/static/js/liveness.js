/** Plain instructions for the server's liveness steps (proctoring API, "Journey steps"). */
const INSTRUCTIONS = {
  blink: 'Blink twice',
  'turn-left': 'Turn your head to the left, then back to the centre',
  'turn-right': 'Turn your head to the right, then back to the centre',
  'look-up': 'Look up, then back at the screen',
  'look-down': 'Look down, then back at the screen',
  nod: 'Nod your head',
  smile: 'Smile',
  'open-mouth': 'Open your mouth, then close it',
};

export function instructionFor(step) {
  if (Object.prototype.hasOwnProperty.call(INSTRUCTIONS, step)) {
    return INSTRUCTIONS[step];
  }
  const words = String(step || '').replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Look at the camera';
}

/** How long one step's capture lasts, in milliseconds. */
export function stepDurationMs(challenge) {
  return Math.max(0, (challenge.framesPerStep || 1) - 1) * (challenge.frameIntervalMs || 0);
}
