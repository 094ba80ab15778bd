package org.invigil.vision.control;

import java.util.List;
import org.invigil.vision.entity.HeadPose;
import org.invigil.vision.entity.ImagePoint;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.MatOfPoint3f;
import org.opencv.core.Point;
import org.opencv.core.Point3;

/**
 * Head pose from the 468 Face Mesh landmarks: a perspective-n-point fit (SQPnP, which needs no initial guess) of
 * MediaPipe's canonical face to the landmarks, with a pinhole camera whose focal length equals the frame width
 * (about 53 degrees of horizontal field, typical of laptop webcams) and no distortion. The fitted rotation is split
 * into yaw, pitch and roll as {@link HeadPose} defines them. Not thread-safe.
 */
public final class HeadPoseEstimator implements AutoCloseable {

    static {
        OpenCvNatives.load();
    }

    private final MatOfPoint3f objectPoints;
    private final MatOfDouble noDistortion = new MatOfDouble(0, 0, 0, 0);
    private final Mat rvec = new Mat();
    private final Mat tvec = new Mat();
    private final Mat rotation = new Mat();

    public HeadPoseEstimator(CanonicalFace face) {
        double[] v = face.vertices();
        Point3[] points = new Point3[face.size()];
        for (int i = 0; i < points.length; i++) {
            // canonical (x right, y up, z to camera) -> OpenCV camera convention (x right, y down, z away)
            points[i] = new Point3(v[3 * i], -v[3 * i + 1], -v[3 * i + 2]);
        }
        this.objectPoints = new MatOfPoint3f(points);
    }

    public HeadPose estimate(List<ImagePoint> landmarks, int frameWidth, int frameHeight) {
        Point[] image = new Point[landmarks.size()];
        for (int i = 0; i < image.length; i++) {
            image[i] = new Point(landmarks.get(i).x(), landmarks.get(i).y());
        }
        MatOfPoint2f imagePoints = new MatOfPoint2f(image);
        Mat camera = Mat.zeros(3, 3, CvType.CV_64F);
        double focal = frameWidth;
        camera.put(0, 0, focal, 0, frameWidth / 2.0, 0, focal, frameHeight / 2.0, 0, 0, 1);
        try {
            Calib3d.solvePnP(objectPoints, imagePoints, camera, noDistortion, rvec, tvec, false,
                    Calib3d.SOLVEPNP_SQPNP);
            Calib3d.Rodrigues(rvec, rotation);
            double[] r = new double[9];
            rotation.get(0, 0, r);
            // R = Ry(yaw) Rx(pitch) Rz(roll): the nose (the face's -z axis) points along
            // (cos(pitch) sin(yaw), -sin(pitch), -cos(pitch) cos(yaw)); the second row of R is
            // (cos(pitch) sin(roll), cos(pitch) cos(roll), sin(pitch))
            double yaw = Math.toDegrees(Math.atan2(-r[2], r[8]));
            double pitch = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, r[5]))));
            double roll = Math.toDegrees(Math.atan2(r[3], r[4]));
            return new HeadPose(yaw, pitch, roll);
        } finally {
            imagePoints.release();
            camera.release();
        }
    }

    @Override
    public void close() {
        objectPoints.release();
        noDistortion.release();
        rvec.release();
        tvec.release();
        rotation.release();
    }
}
