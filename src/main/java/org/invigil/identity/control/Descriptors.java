package org.invigil.identity.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.ModelVersion;

/** Identity descriptors as bytes, with the model that made them, for sealing at rest. */
public final class Descriptors {

    private static final int FORMAT = 1;

    private Descriptors() {
    }

    public static byte[] encode(FaceDescriptor descriptor) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            ModelVersion model = descriptor.model();
            out.writeUTF(model.name());
            out.writeUTF(model.version());
            out.writeUTF(model.source());
            out.writeUTF(model.licence());
            float[] values = descriptor.values();
            out.writeInt(values.length);
            for (float value : values) {
                out.writeFloat(value);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FaceDescriptor decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalArgumentException("Unknown descriptor format");
            }
            ModelVersion model = new ModelVersion(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
            int length = in.readInt();
            if (length < 1 || length > 4096) {
                throw new IllegalArgumentException("Implausible descriptor length " + length);
            }
            float[] values = new float[length];
            for (int i = 0; i < length; i++) {
                values[i] = in.readFloat();
            }
            return new FaceDescriptor(values, model);
        } catch (IOException e) {
            throw new IllegalArgumentException("Truncated descriptor", e);
        }
    }
}
