package org.invigil.vision.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.invigil.vision.DebianPhotos;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The committed fixture {@code dlib-descriptor-reference.json}: aligned face chips, each named by its Debian photo and
 * the frame-to-chip transform, with the descriptor that face-api (JavaScript, TensorFlow.js CPU backend) computed for
 * exactly those pixels. Regenerate with {@code src/test/node/regenerate-dlib-reference.sh}.
 */
public final class DescriptorReference {

    public static final String FIXTURE = "dlib-descriptor-reference.json";

    /** One reference chip. */
    public record Chip(String debianPackage, String path, double[] transform, String sha256, float[] descriptor) {

        /** Cuts this chip out of its photo again (150x150 BGR). */
        public Mat cut() throws IOException {
            byte[] bytes = Files.readAllBytes(DebianPhotos.file(debianPackage, path));
            MatOfByte buffer = new MatOfByte(bytes);
            Mat photo = Imgcodecs.imdecode(buffer, Imgcodecs.IMREAD_COLOR);
            buffer.release();
            try {
                return FaceChip.extract(photo, transform);
            } finally {
                photo.release();
            }
        }
    }

    private DescriptorReference() {
    }

    public static List<Chip> load() throws IOException {
        try (InputStream in = DescriptorReference.class.getResourceAsStream(FIXTURE);
                JsonReader reader = Json.createReader(in)) {
            JsonObject root = reader.readObject();
            List<Chip> chips = new ArrayList<>();
            for (JsonObject c : root.getJsonArray("chips").getValuesAs(JsonObject.class)) {
                JsonArray t = c.getJsonArray("transform");
                double[] transform = new double[6];
                for (int i = 0; i < 6; i++) {
                    transform[i] = t.getJsonNumber(i).doubleValue();
                }
                JsonArray d = c.getJsonArray("descriptor");
                float[] descriptor = new float[d.size()];
                for (int i = 0; i < descriptor.length; i++) {
                    descriptor[i] = (float) d.getJsonNumber(i).doubleValue();
                }
                chips.add(new Chip(c.getString("package"), c.getString("path"), transform, c.getString("sha256"),
                        descriptor));
            }
            return chips;
        }
    }

    /** The chip's pixels as RGB bytes, row by row: what the JavaScript reference reads. */
    public static byte[] rgb(Mat bgrChip) {
        Mat rgb = new Mat();
        Imgproc.cvtColor(bgrChip, rgb, Imgproc.COLOR_BGR2RGB);
        byte[] bytes = new byte[(int) (rgb.total() * rgb.channels())];
        rgb.get(0, 0, bytes);
        rgb.release();
        return bytes;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
