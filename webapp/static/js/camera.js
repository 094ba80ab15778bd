/**
 * Opening the camera (and, for the monitor, the microphone), with plain instructions when it fails. No DOM or
 * media access at import time.
 */

/** Camera constraints: no more than 640×480 is ever needed. */
export const VIDEO_CONSTRAINTS = Object.freeze({
  width: { ideal: 640, max: 1280 }, height: { ideal: 480, max: 720 }, facingMode: 'user',
});
/** Room levels, not a processed voice: the monitor measures, it does not record. */
export const AUDIO_CONSTRAINTS = Object.freeze({
  echoCancellation: false, noiseSuppression: false, autoGainControl: false,
});

/** What to tell a student whose camera did not open, from the getUserMedia error name. */
export function cameraProblem(error) {
  const name = (error && error.name) || '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
    return {
      title: 'Your browser is not letting Invigil use the camera.',
      steps: [
        'In Chrome or Edge: select the camera or lock icon at the left of the address bar, set Camera to Allow, '
          + 'then select "Try the camera again".',
        'In Firefox: select the camera icon in the address bar, remove the block, then try again.',
        'In Safari: Safari menu → Settings for this website → Camera → Allow.',
        'On Windows: Settings → Privacy & security → Camera → let desktop apps and your browser use the camera. '
          + 'On macOS: System Settings → Privacy & Security → Camera → turn your browser on.',
        'If this page is inside your course page and still cannot ask, your LMS may block cameras in embedded '
          + 'tools: tell your instructor.',
      ],
    };
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') {
    return {
      title: 'No camera was found on this device.',
      steps: ['Plug in a camera or use a device that has one, then try again.',
        'If you cannot use a camera, ask your instructor for an accommodation: checks can be switched off for you.'],
    };
  }
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') {
    return {
      title: 'Another program is using your camera.',
      steps: ['Close other apps that use the camera (video calls, other browser tabs), then try again.'],
    };
  }
  if (!globalThis.navigator || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return {
      title: 'This browser cannot use a camera here.',
      steps: ['Use a recent Chrome, Edge, Firefox or Safari. The page must be opened over https.'],
    };
  }
  return {
    title: 'The camera could not start.',
    steps: ['Check that the camera is connected and not covered, then try again.'],
  };
}

/** Opens the camera; rejects with the browser's error. */
export async function openCamera({ audio = false } = {}) {
  if (!globalThis.navigator || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    const error = new Error('getUserMedia unavailable');
    error.name = 'NotSupportedError';
    throw error;
  }
  return navigator.mediaDevices.getUserMedia({ video: { ...VIDEO_CONSTRAINTS }, audio: audio ? { ...AUDIO_CONSTRAINTS } : false });
}

/** Resolves once the video element shows pictures (has a size). */
export function videoReady(video, timeoutMs = 8000) {
  if (video.readyState >= 2 && video.videoWidth > 0) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The camera did not show a picture.')), timeoutMs);
    const done = () => {
      if (video.videoWidth > 0) {
        clearTimeout(timer);
        video.removeEventListener('loadeddata', done);
        video.removeEventListener('playing', done);
        resolve();
      }
    };
    video.addEventListener('loadeddata', done);
    video.addEventListener('playing', done);
  });
}
