package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

class OnnxGraphWriterTest {

    @BeforeAll
    static void natives() {
        OpenCvNatives.load();
    }

    /** A 1x1x2x2 input, a 2x2 convolution with bias, ReLU, padding, global average pool, Gemm: computed by hand. */
    @Test
    void writesAGraphThatOpenCvRunsToTheExpectedValues() {
        OnnxGraphWriter g = new OnnxGraphWriter("test");
        g.input("x", 1, 1, 2, 2);
        String w = g.constant("w", new float[] {1, 2, 3, 4, -1, -1, -1, -1}, 2, 1, 2, 2);
        String b = g.constant("b", new float[] {0.5f, 1}, 2);
        String conv = g.node("Conv", "x", w, b).ints("kernel_shape", 2, 2).ints("strides", 1, 1)
                .ints("pads", 0, 0, 0, 0).to("conv");
        String relu = g.node("Relu", conv).to("relu");
        String padded = g.node("Pad", relu, g.constantInt64("pads", 0, 0, 0, 0, 0, 0, 1, 1)).text("mode", "constant")
                .to("pad");
        String pooled = g.node("GlobalAveragePool", padded).to("pool");
        String flat = g.node("Flatten", pooled).integer("axis", 1).to("flat");
        String fc = g.constant("fc", new float[] {1, 0, 10, 2, 3, 100}, 2, 3);
        String y = g.node("Gemm", flat, fc).to("y");
        g.output(y, 1, 3);

        Net net = Dnn.readNetFromONNX(new MatOfByte(g.toByteArray()));
        Mat x = new Mat(new int[] {1, 1, 2, 2}, CvType.CV_32F);
        x.put(new int[] {0, 0, 0, 0}, new float[] {1, 2, 3, 4});
        net.setInput(x);
        Mat out = net.forward();
        float[] values = new float[3];
        out.reshape(1, 1).get(0, 0, values);
        // conv: channel 0 = 1+4+9+16+0.5 = 30.5, channel 1 = -10+1 = -9 -> relu 0; padded to 2x2 -> mean 30.5/4
        double c0 = 30.5 / 4;
        assertArrayEquals(new float[] {(float) (c0 * 1), (float) (c0 * 0 + 0 * 3), (float) (c0 * 10)}, values, 1e-4f);
    }
}
