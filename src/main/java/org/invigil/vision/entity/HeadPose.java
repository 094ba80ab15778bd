package org.invigil.vision.entity;

/**
 * Where a head points, in degrees, relative to the camera's optical axis. In OpenCV camera coordinates (x right,
 * y down, z away from the camera) the head's rotation is {@code Ry(yaw) Rx(pitch) Rz(roll)}: lean, then tilt, then
 * turn.
 * <ul>
 * <li>{@code yaw}: positive when the face turns towards the right of the image (the person's own left), negative
 * towards the left of the image;</li>
 * <li>{@code pitch}: positive when the face tilts up, negative when it looks down;</li>
 * <li>{@code roll}: positive when the head leans clockwise in the image.</li>
 * </ul>
 * Mirroring the image changes the sign of yaw and roll and keeps pitch.
 * Absolute pitch carries a model bias of 10-20 degrees: compare against a baseline taken at the start of a session.
 */
public record HeadPose(double yaw, double pitch, double roll) {
}
