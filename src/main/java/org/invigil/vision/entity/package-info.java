/**
 * What the face analysis finds in one frame: faces with their landmarks, head pose and eye openness, the capture
 * quality, identity descriptors, and the model version behind each result.
 */
package org.invigil.vision.entity;
