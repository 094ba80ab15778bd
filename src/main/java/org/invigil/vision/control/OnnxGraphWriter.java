package org.invigil.vision.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an ONNX model (onnx.proto3, IR version 7, default opset 11) with float tensors only: just enough of the
 * protocol buffer encoding to describe a feed-forward convolutional network that OpenCV's dnn module or ONNX Runtime
 * can load. Nodes are added in topological order; initializers carry the weights as raw little-endian floats.
 */
public final class OnnxGraphWriter {

    private static final int IR_VERSION = 7;
    private static final int OPSET = 11;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_STRING = 3;
    private static final int ATTRIBUTE_INTS = 7;

    private final String name;
    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private int counter;

    public OnnxGraphWriter(String name) {
        this.name = name;
    }

    /** A unique tensor name with the given prefix. */
    public String fresh(String prefix) {
        return prefix + "_" + counter++;
    }

    public void input(String tensor, long... shape) {
        inputs.add(valueInfo(tensor, shape));
    }

    public void output(String tensor, long... shape) {
        outputs.add(valueInfo(tensor, shape));
    }

    /** Adds a float initializer, {@code values} in row-major order of {@code shape}. */
    public String constant(String prefix, float[] values, long... shape) {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException(prefix + ": " + values.length + " values for shape of " + count);
        }
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        String tensor = fresh(prefix);
        Proto t = new Proto();
        for (long d : shape) {
            t.varint(1, d);
        }
        t.varint(2, FLOAT);
        t.string(8, tensor);
        t.bytes(9, raw.array());
        initializers.add(t.toByteArray());
        return tensor;
    }

    /** Adds an int64 initializer (for shapes and pads). */
    public String constantInt64(String prefix, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        String tensor = fresh(prefix);
        Proto t = new Proto();
        t.varint(1, values.length);
        t.varint(2, INT64);
        t.string(8, tensor);
        t.bytes(9, raw.array());
        initializers.add(t.toByteArray());
        return tensor;
    }

    /** Starts a node; {@link Node#to(String)} adds it to the graph. */
    public Node node(String opType, String... nodeInputs) {
        return new Node(opType, nodeInputs);
    }

    /** One operator with its attributes. */
    public final class Node {
        private final Proto proto = new Proto();

        private Node(String opType, String[] nodeInputs) {
            for (String in : nodeInputs) {
                proto.string(1, in);
            }
            proto.string(4, opType);
        }

        public Node ints(String attribute, long... values) {
            Proto a = new Proto();
            a.string(1, attribute);
            for (long v : values) {
                a.varint(8, v);
            }
            a.varint(20, ATTRIBUTE_INTS);
            proto.message(5, a);
            return this;
        }

        public Node integer(String attribute, long value) {
            Proto a = new Proto();
            a.string(1, attribute);
            a.varint(3, value);
            a.varint(20, ATTRIBUTE_INT);
            proto.message(5, a);
            return this;
        }

        public Node text(String attribute, String value) {
            Proto a = new Proto();
            a.string(1, attribute);
            a.string(4, value);
            a.varint(20, ATTRIBUTE_STRING);
            proto.message(5, a);
            return this;
        }

        /** Adds the node with one output named after {@code prefix}; returns that output's name. */
        public String to(String prefix) {
            String out = fresh(prefix);
            proto.string(2, out);
            proto.string(3, "node_" + out);
            nodes.add(proto.toByteArray());
            return out;
        }
    }

    public byte[] toByteArray() {
        Proto graph = new Proto();
        nodes.forEach(n -> graph.bytes(1, n));
        graph.string(2, name);
        initializers.forEach(i -> graph.bytes(5, i));
        inputs.forEach(i -> graph.bytes(11, i));
        outputs.forEach(o -> graph.bytes(12, o));
        Proto opset = new Proto();
        opset.string(1, "");
        opset.varint(2, OPSET);
        Proto model = new Proto();
        model.varint(1, IR_VERSION);
        model.string(2, "invigil");
        model.message(7, graph);
        model.message(8, opset);
        return model.toByteArray();
    }

    private static byte[] valueInfo(String tensor, long... shape) {
        Proto shapeProto = new Proto();
        for (long d : shape) {
            Proto dim = new Proto();
            dim.varint(1, d);
            shapeProto.message(1, dim);
        }
        Proto tensorType = new Proto();
        tensorType.varint(1, FLOAT);
        tensorType.message(2, shapeProto);
        Proto type = new Proto();
        type.message(1, tensorType);
        Proto info = new Proto();
        info.string(1, tensor);
        info.message(2, type);
        return info.toByteArray();
    }

    /** The protocol buffer wire format: varints and length-delimited fields. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varint(int field, long value) {
            rawVarint((long) field << 3);
            rawVarint(value);
        }

        void string(int field, String value) {
            bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        void message(int field, Proto message) {
            bytes(field, message.toByteArray());
        }

        void bytes(int field, byte[] value) {
            rawVarint(((long) field << 3) | 2);
            rawVarint(value.length);
            out.write(value, 0, value.length);
        }

        private void rawVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
