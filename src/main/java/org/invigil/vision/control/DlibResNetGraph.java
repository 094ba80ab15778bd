package org.invigil.vision.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Rebuilds dlib's ResNet face descriptor ({@code dlib_face_recognition_resnet_model_v1}, 29 convolutions, 128
 * outputs) as an ONNX graph from the TensorFlow.js weights of {@code @vladmandic/face-api}, following that package's
 * {@code FaceRecognitionNet} exactly:
 * <ul>
 * <li>input 150x150 RGB, mean (122.782, 117.001, 104.298) subtracted and divided by 255 (done by the caller);</li>
 * <li>each "conv layer" is a convolution, a bias and a per-channel affine scale; the scale is folded into the
 * convolution's weights and bias here, which is exact up to float rounding;</li>
 * <li>TensorFlow "same" padding for 3x3 stride 1 is one pixel on every side, "valid" is none;</li>
 * <li>a down-sampling residual block adds a 2x2 average pool of its input, zero-padded in channels (written as a
 * 2x2 stride-2 convolution with 0.25 on the diagonal) and, where the strided convolution came out one pixel smaller,
 * pads that branch with a row and a column of zeros at the bottom and right;</li>
 * <li>global average pooling, then a 256x128 fully connected layer.</li>
 * </ul>
 * The weights are uint8-quantised in the package: value = min + scale * byte.
 */
public final class DlibResNetGraph {

    public static final int INPUT_SIZE = 150;
    public static final int DIMENSIONS = 128;
    /** Mean RGB subtracted before dividing by 255, from face-api's FaceRecognitionNet. */
    public static final double[] MEAN_RGB = {122.782, 117.001, 104.298};

    private final Map<String, Tensor> weights;
    private final OnnxGraphWriter graph = new OnnxGraphWriter("dlib_face_recognition_resnet_model_v1");
    private int size = INPUT_SIZE;

    private DlibResNetGraph(Map<String, Tensor> weights) {
        this.weights = weights;
    }

    /**
     * @param manifest {@code face_recognition_model-weights_manifest.json}
     * @param bin      {@code face_recognition_model.bin}
     * @return the ONNX model: input {@code image} [1, 3, 150, 150], output {@code descriptor} [1, 128]
     */
    public static byte[] build(byte[] manifest, byte[] bin) {
        return new DlibResNetGraph(readWeights(manifest, bin)).build();
    }

    private byte[] build() {
        graph.input("image", 1, 3, INPUT_SIZE, INPUT_SIZE);
        String x = conv("image", "conv32_down", 2, 0, true);
        size = (size - 7) / 2 + 1;
        x = graph.node("MaxPool", x).ints("kernel_shape", 3, 3).ints("strides", 2, 2).ints("pads", 0, 0, 0, 0)
                .to("maxpool");
        size = (size - 3) / 2 + 1;
        x = residual(x, "conv32_1");
        x = residual(x, "conv32_2");
        x = residual(x, "conv32_3");
        x = residualDown(x, "conv64_down", 32, 64);
        x = residual(x, "conv64_1");
        x = residual(x, "conv64_2");
        x = residual(x, "conv64_3");
        x = residualDown(x, "conv128_down", 64, 128);
        x = residual(x, "conv128_1");
        x = residual(x, "conv128_2");
        x = residualDown(x, "conv256_down", 128, 256);
        x = residual(x, "conv256_1");
        x = residual(x, "conv256_2");
        x = residualDown(x, "conv256_down_out", 256, 256);
        x = graph.node("GlobalAveragePool", x).to("pool");
        x = graph.node("Flatten", x).integer("axis", 1).to("flat");
        Tensor fc = weight("fc");
        String fcWeights = graph.constant("fc", fc.values, 256, DIMENSIONS);
        String descriptor = graph.node("Gemm", x, fcWeights).to("descriptor");
        graph.output(descriptor, 1, DIMENSIONS);
        return graph.toByteArray();
    }

    private String residual(String x, String prefix) {
        String a = conv(x, prefix + "/conv1", 1, 1, true);
        String b = conv(a, prefix + "/conv2", 1, 1, false);
        String sum = graph.node("Add", b, x).to("add");
        return graph.node("Relu", sum).to("relu");
    }

    private String residualDown(String x, String prefix, int inChannels, int outChannels) {
        String a = conv(x, prefix + "/conv1", 2, 0, true);
        String b = conv(a, prefix + "/conv2", 1, 1, false);
        int convSize = (size - 3) / 2 + 1;
        int poolSize = size / 2;
        float[] pool = new float[outChannels * inChannels * 4];
        for (int c = 0; c < inChannels; c++) {
            for (int k = 0; k < 4; k++) {
                pool[(c * inChannels + c) * 4 + k] = 0.25f;
            }
        }
        String poolWeights = graph.constant(prefix + "_pool", pool, outChannels, inChannels, 2, 2);
        String pooled = graph.node("Conv", x, poolWeights).ints("kernel_shape", 2, 2).ints("strides", 2, 2)
                .ints("pads", 0, 0, 0, 0).to("avgpool");
        if (convSize != poolSize) {
            if (poolSize - convSize != 1) {
                throw new IllegalStateException("Unexpected shapes in " + prefix + ": " + convSize + " and " + poolSize);
            }
            String pads = graph.constantInt64("pads", 0, 0, 0, 0, 0, 0, 1, 1);
            b = graph.node("Pad", b, pads).text("mode", "constant").to("pad");
        }
        size = poolSize;
        String sum = graph.node("Add", pooled, b).to("add");
        return graph.node("Relu", sum).to("relu");
    }

    /** Convolution + bias + affine scale (folded), optionally followed by ReLU. */
    private String conv(String x, String prefix, int stride, int pad, boolean relu) {
        Tensor filters = weight(prefix + "/conv/filters");
        Tensor bias = weight(prefix + "/conv/bias");
        Tensor scale = weight(prefix + "/scale/weights");
        Tensor shift = weight(prefix + "/scale/biases");
        int kh = filters.shape[0];
        int kw = filters.shape[1];
        int in = filters.shape[2];
        int out = filters.shape[3];
        float[] w = new float[out * in * kh * kw];
        float[] b = new float[out];
        for (int o = 0; o < out; o++) {
            double s = scale.values[o];
            b[o] = (float) (bias.values[o] * s + shift.values[o]);
            for (int i = 0; i < in; i++) {
                for (int y = 0; y < kh; y++) {
                    for (int xx = 0; xx < kw; xx++) {
                        // TensorFlow [kh, kw, in, out] -> ONNX [out, in, kh, kw]
                        float v = filters.values[((y * kw + xx) * in + i) * out + o];
                        w[((o * in + i) * kh + y) * kw + xx] = (float) (v * s);
                    }
                }
            }
        }
        String wName = graph.constant(prefix.replace('/', '_') + "_w", w, out, in, kh, kw);
        String bName = graph.constant(prefix.replace('/', '_') + "_b", b, out);
        String y = graph.node("Conv", x, wName, bName).ints("kernel_shape", kh, kw).ints("strides", stride, stride)
                .ints("pads", pad, pad, pad, pad).to("conv");
        return relu ? graph.node("Relu", y).to("relu") : y;
    }

    private Tensor weight(String name) {
        Tensor t = weights.get(name);
        if (t == null) {
            throw new IllegalArgumentException("The face recognition weights have no tensor " + name);
        }
        return t;
    }

    private record Tensor(int[] shape, float[] values) {
    }

    private static Map<String, Tensor> readWeights(byte[] manifest, byte[] bin) {
        JsonArray groups;
        try (JsonReader reader = Json.createReader(new StringReader(new String(manifest, StandardCharsets.UTF_8)))) {
            groups = reader.readArray();
        }
        Map<String, Tensor> tensors = new HashMap<>();
        ByteBuffer data = ByteBuffer.wrap(bin).order(ByteOrder.LITTLE_ENDIAN);
        for (JsonObject group : groups.getValuesAs(JsonObject.class)) {
            for (JsonObject w : group.getJsonArray("weights").getValuesAs(JsonObject.class)) {
                JsonArray dims = w.getJsonArray("shape");
                int[] shape = new int[dims.size()];
                int count = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = dims.getInt(i);
                    count *= shape[i];
                }
                float[] values = new float[count];
                JsonObject quantization = w.getJsonObject("quantization");
                if (quantization != null) {
                    if (!"uint8".equals(quantization.getString("dtype"))) {
                        throw new IllegalArgumentException("Unsupported quantisation " + quantization);
                    }
                    double scale = quantization.getJsonNumber("scale").doubleValue();
                    double min = quantization.getJsonNumber("min").doubleValue();
                    for (int i = 0; i < count; i++) {
                        values[i] = (float) (min + scale * (data.get() & 0xFF));
                    }
                } else if ("float32".equals(w.getString("dtype"))) {
                    for (int i = 0; i < count; i++) {
                        values[i] = data.getFloat();
                    }
                } else {
                    throw new IllegalArgumentException("Unsupported weight type " + w);
                }
                tensors.put(w.getString("name"), new Tensor(shape, values));
            }
        }
        if (data.hasRemaining()) {
            throw new IllegalArgumentException(data.remaining() + " bytes of weights left over");
        }
        return tensors;
    }
}
