package org.invigil.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.invigil.vision.control.FaceAnalyzer;
import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.ImagePoint;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat6;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.opencv.imgproc.Subdiv2D;

/**
 * Liveness frames made from one real photo by a landmark-guided warp: Face Mesh finds the 468 landmarks of the photo's
 * face, the landmarks are moved (the upper eyelids down onto the lower ones to close the eyes; every point turned
 * about the head's vertical axis, with depth from MediaPipe's canonical face scaled to this face, to turn the head)
 * and the photo is warped triangle by triangle onto the moved landmarks, far triangles painted first. The pixels stay
 * the photo's own: eyelid skin covers the eye, the cheek and nose move as a turning head's do. Test code only; the
 * photos come from {@link DebianPhotos}.
 */
public final class LivenessFrames {

    // Face Mesh eye contours, upper lid point paired with the lower lid point beneath it (the person's right eye, then
    // the left); the corners 33/133 and 263/362 stay.
    private static final int[][] LIDS = {
            {246, 7}, {161, 163}, {160, 144}, {159, 145}, {158, 153}, {157, 154}, {173, 155},
            {466, 249}, {388, 390}, {387, 373}, {386, 374}, {385, 380}, {384, 381}, {398, 382}};
    // The ring above each upper lid (the lid's skin up to the crease), dragged down part of the way.
    private static final int[][] ABOVE = {
            {247, 30, 29, 27, 28, 56, 190}, {467, 260, 259, 257, 258, 286, 414}};

    private final Mat photo;
    private final List<ImagePoint> mesh;
    private final double[] depth;

    private LivenessFrames(Mat photo, List<ImagePoint> mesh, double[] depth) {
        this.photo = photo;
        this.mesh = mesh;
        this.depth = depth;
    }

    /** The photo's largest face, meshed; fails when Face Mesh finds none. */
    public static LivenessFrames of(FaceAnalyzer analyzer, Mat photo) {
        Face face = analyzer.analyse(photo).faces().stream().filter(f -> f.mesh().isPresent()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no meshed face in the photo"));
        List<ImagePoint> mesh = face.mesh().orElseThrow().landmarks();
        double[] canonical = TestEngine.models().canonicalFace().vertices();
        // scale the canonical face (cm) to this face: outer eye corners 33 and 263
        double image = Math.hypot(mesh.get(263).x() - mesh.get(33).x(), mesh.get(263).y() - mesh.get(33).y());
        double model = Math.hypot(canonical[263 * 3] - canonical[33 * 3], canonical[263 * 3 + 1] - canonical[33 * 3 + 1]);
        double scale = image / model;
        double[] depth = new double[mesh.size()];
        for (int i = 0; i < mesh.size(); i++) {
            depth[i] = canonical[i * 3 + 2] * scale;
        }
        return new LivenessFrames(photo, mesh, depth);
    }

    /** The photo with its eyes closed by {@code closure} (0 open, 1 shut). */
    public Mat eyesClosed(double closure) {
        List<ImagePoint> moved = new ArrayList<>(mesh);
        for (int[] lid : LIDS) {
            ImagePoint upper = mesh.get(lid[0]);
            ImagePoint lower = mesh.get(lid[1]);
            // the lids meet a little above the lower lid, as a closed eye's do
            moved.set(lid[0], between(upper, lower, closure * 0.9));
            moved.set(lid[1], between(lower, upper, closure * 0.1));
        }
        for (int eye = 0; eye < 2; eye++) {
            // the gap under the middle of the lid, applied to the ring above with a smaller weight
            ImagePoint upper = mesh.get(LIDS[eye * 7 + 3][0]);
            ImagePoint lower = mesh.get(LIDS[eye * 7 + 3][1]);
            double dy = (lower.y() - upper.y()) * closure * 0.9;
            double dx = (lower.x() - upper.x()) * closure * 0.9;
            for (int index : ABOVE[eye]) {
                ImagePoint p = mesh.get(index);
                moved.set(index, new ImagePoint(p.x() + dx, p.y() + dy));
            }
        }
        Mat closed = warp(moved, depth);
        if (closure > 0.5) {
            lashes(closed, moved, (closure - 0.5) * 2);
        }
        return closed;
    }

    /**
     * Draws the closed lids' lash line along the moved upper lids, in the darkest colour of the open eye (its lashes
     * and iris), blended by {@code strength}.
     */
    private void lashes(Mat image, List<ImagePoint> moved, double strength) {
        int[][] corners = {{33, 133}, {263, 362}};
        for (int eye = 0; eye < 2; eye++) {
            List<Point> line = new ArrayList<>();
            line.add(point(moved.get(corners[eye][0])));
            for (int i = 0; i < 7; i++) {
                line.add(point(moved.get(LIDS[eye * 7 + i][0])));
            }
            line.add(point(moved.get(corners[eye][1])));
            double width = Math.hypot(line.get(0).x - line.get(line.size() - 1).x,
                    line.get(0).y - line.get(line.size() - 1).y);
            Rect open = Imgproc.boundingRect(new MatOfPoint(
                    point(mesh.get(LIDS[eye * 7 + 3][0])), point(mesh.get(LIDS[eye * 7 + 3][1])),
                    point(mesh.get(corners[eye][0])), point(mesh.get(corners[eye][1]))));
            Mat grey = new Mat();
            Imgproc.cvtColor(photo.submat(open), grey, Imgproc.COLOR_BGR2GRAY);
            Core.MinMaxLocResult darkest = Core.minMaxLoc(grey);
            double[] colour = photo.get(open.y + (int) darkest.minLoc.y, open.x + (int) darkest.minLoc.x);
            Mat overlay = image.clone();
            Imgproc.polylines(overlay, List.of(new MatOfPoint(line.toArray(new Point[0]))), false,
                    new Scalar(colour), Math.max(1, (int) Math.round(width / 14)), Imgproc.LINE_AA);
            Core.addWeighted(overlay, strength, image, 1 - strength, 0, image);
            overlay.release();
            grey.release();
        }
    }

    private static Point point(ImagePoint p) {
        return new Point(p.x(), p.y());
    }

    /**
     * The photo with the head turned by {@code degrees} about its vertical axis: positive towards the right of the
     * image (the person's own left, positive yaw in {@link org.invigil.vision.entity.HeadPose}).
     */
    public Mat turned(double degrees) {
        double theta = Math.toRadians(degrees);
        double cx = mesh.stream().mapToDouble(ImagePoint::x).average().orElseThrow();
        double cz = 0;
        for (double z : depth) {
            cz += z / depth.length;
        }
        List<ImagePoint> moved = new ArrayList<>(mesh.size());
        double[] newDepth = new double[mesh.size()];
        for (int i = 0; i < mesh.size(); i++) {
            double x = mesh.get(i).x() - cx;
            double z = depth[i] - cz;
            moved.add(new ImagePoint(cx + x * Math.cos(theta) + z * Math.sin(theta), mesh.get(i).y()));
            newDepth[i] = -x * Math.sin(theta) + z * Math.cos(theta);
        }
        return warp(moved, newDepth);
    }

    private static ImagePoint between(ImagePoint a, ImagePoint b, double t) {
        return new ImagePoint(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t);
    }

    /**
     * Piecewise-affine warp of the photo from the original landmarks onto {@code moved}: the Delaunay triangles of
     * the original landmarks (and of a fixed frame of points around the face, so that the background stays put)
     * each map to their moved triangle, painted from the farthest ({@code depth} lowest) to the nearest.
     */
    private Mat warp(List<ImagePoint> moved, double[] depthOfMoved) {
        List<Point> from = new ArrayList<>();
        List<Point> to = new ArrayList<>();
        List<Double> order = new ArrayList<>();
        for (int i = 0; i < mesh.size(); i++) {
            from.add(new Point(mesh.get(i).x(), mesh.get(i).y()));
            to.add(new Point(moved.get(i).x(), moved.get(i).y()));
            order.add(depthOfMoved[i]);
        }
        double minX = mesh.stream().mapToDouble(ImagePoint::x).min().orElseThrow();
        double maxX = mesh.stream().mapToDouble(ImagePoint::x).max().orElseThrow();
        double minY = mesh.stream().mapToDouble(ImagePoint::y).min().orElseThrow();
        double maxY = mesh.stream().mapToDouble(ImagePoint::y).max().orElseThrow();
        double padX = (maxX - minX) * 0.35;
        double padY = (maxY - minY) * 0.35;
        double lowest = order.stream().mapToDouble(Double::doubleValue).min().orElse(0) - 1;
        for (int i = 0; i <= 8; i++) {
            double t = i / 8.0;
            for (Point p : List.of(new Point(minX - padX + t * (maxX - minX + 2 * padX), minY - padY),
                    new Point(minX - padX + t * (maxX - minX + 2 * padX), maxY + padY),
                    new Point(minX - padX, minY - padY + t * (maxY - minY + 2 * padY)),
                    new Point(maxX + padX, minY - padY + t * (maxY - minY + 2 * padY)))) {
                Point clamped = new Point(Math.max(0, Math.min(photo.cols() - 1, p.x)),
                        Math.max(0, Math.min(photo.rows() - 1, p.y)));
                from.add(clamped);
                to.add(clamped);
                order.add(lowest);
            }
        }
        Subdiv2D subdiv = new Subdiv2D(new Rect(0, 0, photo.cols(), photo.rows()));
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < from.size(); i++) {
            Point p = from.get(i);
            long key = key(p);
            if (!index.containsKey(key)) {
                index.put(key, i);
                subdiv.insert(p);
            }
        }
        MatOfFloat6 list = new MatOfFloat6();
        subdiv.getTriangleList(list);
        float[] values = list.toArray();
        List<int[]> triangles = new ArrayList<>();
        for (int t = 0; t + 5 < values.length; t += 6) {
            Integer a = index.get(key(new Point(values[t], values[t + 1])));
            Integer b = index.get(key(new Point(values[t + 2], values[t + 3])));
            Integer c = index.get(key(new Point(values[t + 4], values[t + 5])));
            if (a != null && b != null && c != null) {
                triangles.add(new int[] {a, b, c});
            }
        }
        triangles.sort(Comparator.comparingDouble(t -> order.get(t[0]) + order.get(t[1]) + order.get(t[2])));
        Mat out = photo.clone();
        for (int[] t : triangles) {
            paint(out, new Point[] {from.get(t[0]), from.get(t[1]), from.get(t[2])},
                    new Point[] {to.get(t[0]), to.get(t[1]), to.get(t[2])});
        }
        list.release();
        return out;
    }

    private static long key(Point p) {
        return Math.round(p.x * 16) * 1_000_003L + Math.round(p.y * 16);
    }

    /** Maps the photo's triangle {@code src} onto {@code dst} of {@code out}. */
    private void paint(Mat out, Point[] src, Point[] dst) {
        Rect box = Imgproc.boundingRect(new MatOfPoint(dst));
        int x0 = Math.max(0, box.x);
        int y0 = Math.max(0, box.y);
        int x1 = Math.min(out.cols(), box.x + box.width);
        int y1 = Math.min(out.rows(), box.y + box.height);
        box = new Rect(x0, y0, x1 - x0, y1 - y0);
        if (box.width <= 0 || box.height <= 0) {
            return;
        }
        Point[] local = new Point[3];
        for (int i = 0; i < 3; i++) {
            local[i] = new Point(dst[i].x - box.x, dst[i].y - box.y);
        }
        Mat affine = Imgproc.getAffineTransform(new MatOfPoint2f(src), new MatOfPoint2f(local));
        Mat patch = new Mat();
        Imgproc.warpAffine(photo, patch, affine, box.size(), Imgproc.INTER_LINEAR, Core.BORDER_REFLECT_101);
        Mat mask = Mat.zeros(box.size(), CvType.CV_8UC1);
        MatOfPoint polygon = new MatOfPoint(new Point((int) Math.round(local[0].x), (int) Math.round(local[0].y)),
                new Point((int) Math.round(local[1].x), (int) Math.round(local[1].y)),
                new Point((int) Math.round(local[2].x), (int) Math.round(local[2].y)));
        Imgproc.fillConvexPoly(mask, polygon, new Scalar(255), Imgproc.LINE_AA);
        Mat target = out.submat(box);
        patch.copyTo(target, mask);
        for (Mat m : List.of(affine, patch, mask, polygon, target)) {
            m.release();
        }
    }
}
