package org.invigil.vision.entity;

/**
 * Where a head points, in degrees, relative to the camera's optical axis.
 * <ul>
 * <li>{@code yaw}: positive when the face turns towards the right of the image (the person's own left), negative
 * towards the left of the image;</li>
 * <li>{@code pitch}: positive when the face tilts up, negative when it looks down;</li>
 * <li>{@code roll}: positive when the head leans clockwise in the image.</li>
 * </ul>
 * Absolute pitch carries a model bias of 10-20 degrees: compare against a baseline taken at the start of a session.
 */
public record HeadPose(double yaw, double pitch, double roll) {
}
