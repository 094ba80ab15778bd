/**
 * Face analysis of webcam frames on OpenCV: faces, landmarks, head pose, eye openness, capture quality and identity
 * descriptors, from clean-licensed models that the build fetches and pins (see {@code src/site/vision.md}).
 */
package org.invigil.vision;
