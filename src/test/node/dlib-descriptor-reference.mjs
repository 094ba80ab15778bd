// Step 2 of regenerating the descriptor fixture: computes dlib's ResNet descriptor of each chip with the JavaScript
// reference implementation, @vladmandic/face-api's FaceRecognitionNet on TensorFlow.js's CPU backend, and prints the
// fixture JSON. Usage: node dlib-descriptor-reference.mjs <chips dir> <face-api package dir>
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [chipsDir, faceApiDir] = process.argv.slice(2);
// face-api's ESM bundle carries TensorFlow.js; its Node platform shim needs modules the bundle leaves out, so present
// a browser-like global (TextEncoder, fetch and performance exist in Node 18+). Only tensors are used, no DOM.
globalThis.window = globalThis;
globalThis.document = {};
const faceapi = await import(pathToFileURL(path.join(faceApiDir, 'dist/face-api.esm.js')).href);
const tf = faceapi.tf;
await tf.setBackend('cpu');
await tf.ready();

const modelDir = path.join(faceApiDir, 'model');
const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, 'face_recognition_model-weights_manifest.json')));
const bin = fs.readFileSync(path.join(modelDir, 'face_recognition_model.bin'));
const weights = tf.io.decodeWeights(new Uint8Array(bin).buffer, manifest[0].weights);
const net = new faceapi.FaceRecognitionNet();
net.loadFromWeightMap(weights);

const chips = JSON.parse(fs.readFileSync(path.join(chipsDir, 'chips.json'))).chips;
const out = [];
for (const chip of chips) {
  const rgb = fs.readFileSync(path.join(chipsDir, chip.rgb));
  const input = tf.tensor3d(new Int32Array(rgb), [150, 150, 3], 'int32');
  const descriptor = await net.computeFaceDescriptor(input);
  input.dispose();
  out.push({
    package: chip.package,
    path: chip.path,
    transform: chip.transform,
    sha256: chip.sha256,
    descriptor: Array.from(descriptor, (v) => Number(v.toPrecision(8))),
  });
}
const header = {
  comment: 'dlib ResNet descriptors by @vladmandic/face-api (JavaScript reference) for chips of Debian test photos; '
    + 'regenerate with src/test/node/regenerate-dlib-reference.sh',
  faceApi: faceapi.version,
  tfjs: tf.version_core,
  backend: tf.getBackend(),
};
// one chip per line keeps the fixture small and its diffs readable
const head = JSON.stringify(header, null, 1).replace(/\n}$/, ',\n "chips": [\n');
process.stdout.write(head + out.map((c) => '  ' + JSON.stringify(c)).join(',\n') + '\n ]\n}\n');
