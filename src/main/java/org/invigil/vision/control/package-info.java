/**
 * The face analysis engine: safe JPEG decoding, detection (MediaPipe BlazeFace), landmarks (MediaPipe Face Mesh),
 * head pose by PnP against MediaPipe's canonical face, the dlib ResNet descriptor rebuilt as an ONNX graph, and the
 * bounded worker pool that runs them.
 */
package org.invigil.vision.control;
