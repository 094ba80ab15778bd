package org.invigil.vision.entity;

import java.util.List;

/**
 * Everything the monitoring analysis found in one frame, and the models that produced it.
 *
 * @param width   decoded frame width in pixels (the coordinates of every box and point)
 * @param height  decoded frame height in pixels
 * @param faces   the faces, largest first
 * @param quality capture quality of the whole frame
 * @param models  the detector, and the landmark model when a mesh was computed
 */
public record FrameAnalysis(int width, int height, List<Face> faces, CaptureQuality quality,
        List<ModelVersion> models) {

    public FrameAnalysis {
        faces = List.copyOf(faces);
        models = List.copyOf(models);
    }

    public int faceCount() {
        return faces.size();
    }
}
