package org.invigil.vision.control;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * MediaPipe's canonical face model: the 468 Face Mesh vertices of an average face in centimetres (x to the image's
 * right, y up, z towards the camera), read from {@code geometry_pipeline_metadata_landmarks.binarypb} (a
 * {@code GeometryPipelineMetadata} protocol buffer whose {@code canonical_mesh.vertex_buffer} holds x, y, z, u, v per
 * vertex).
 */
public final class CanonicalFace {

    private static final int FIELD_CANONICAL_MESH = 1;
    private static final int FIELD_VERTEX_BUFFER = 3;
    private static final int VALUES_PER_VERTEX = 5;

    private final double[] vertices;

    private CanonicalFace(double[] vertices) {
        this.vertices = vertices;
    }

    /** x, y, z of each vertex in turn. */
    public double[] vertices() {
        return vertices.clone();
    }

    public int size() {
        return vertices.length / 3;
    }

    public static CanonicalFace parse(byte[] metadata) {
        ByteBuffer mesh = null;
        ProtoReader top = new ProtoReader(ByteBuffer.wrap(metadata));
        while (top.next()) {
            if (top.field() == FIELD_CANONICAL_MESH && top.wireType() == 2) {
                mesh = top.bytes();
            } else {
                top.skip();
            }
        }
        if (mesh == null) {
            throw new IllegalArgumentException("No canonical mesh in the face geometry metadata");
        }
        List<Float> values = new ArrayList<>();
        ProtoReader reader = new ProtoReader(mesh);
        while (reader.next()) {
            if (reader.field() == FIELD_VERTEX_BUFFER && reader.wireType() == 5) {
                values.add(reader.fixed32Float());
            } else if (reader.field() == FIELD_VERTEX_BUFFER && reader.wireType() == 2) {
                ByteBuffer packed = reader.bytes().order(ByteOrder.LITTLE_ENDIAN);
                while (packed.remaining() >= 4) {
                    values.add(packed.getFloat());
                }
            } else {
                reader.skip();
            }
        }
        if (values.size() != FaceMeshLandmarker.LANDMARKS * VALUES_PER_VERTEX) {
            throw new IllegalArgumentException("Expected " + FaceMeshLandmarker.LANDMARKS + " vertices, found "
                    + values.size() / (double) VALUES_PER_VERTEX);
        }
        double[] xyz = new double[FaceMeshLandmarker.LANDMARKS * 3];
        for (int i = 0; i < FaceMeshLandmarker.LANDMARKS; i++) {
            for (int k = 0; k < 3; k++) {
                xyz[3 * i + k] = values.get(VALUES_PER_VERTEX * i + k);
            }
        }
        return new CanonicalFace(xyz);
    }

    /** Just enough of the protocol buffer wire format to walk fields. */
    private static final class ProtoReader {
        private final ByteBuffer in;
        private int field;
        private int wireType;

        ProtoReader(ByteBuffer in) {
            this.in = in.order(ByteOrder.LITTLE_ENDIAN);
        }

        boolean next() {
            if (!in.hasRemaining()) {
                return false;
            }
            long key = varint();
            field = (int) (key >>> 3);
            wireType = (int) (key & 7);
            return true;
        }

        int field() {
            return field;
        }

        int wireType() {
            return wireType;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = in.get();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("Malformed varint");
        }

        ByteBuffer bytes() {
            int length = (int) varint();
            ByteBuffer slice = in.slice().limit(length);
            in.position(in.position() + length);
            return slice;
        }

        float fixed32Float() {
            return in.getFloat();
        }

        void skip() {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> in.position(in.position() + 8);
                case 2 -> bytes();
                case 5 -> in.position(in.position() + 4);
                default -> throw new IllegalArgumentException("Unsupported wire type " + wireType);
            }
        }
    }
}
