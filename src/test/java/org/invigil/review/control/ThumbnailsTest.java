package org.invigil.review.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    @Test
    void aCameraPictureBecomesASmallJpegOfTheSameShape() throws IOException {
        byte[] big = jpeg(640, 480);
        byte[] small = Thumbnails.of(big).orElseThrow();
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(small));
        assertEquals(Thumbnails.WIDTH, read.getWidth());
        assertEquals(120, read.getHeight());
        assertTrue(small.length < big.length, small.length + " bytes from " + big.length);
    }

    @Test
    void aSmallPictureIsNeverEnlarged() throws IOException {
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(Thumbnails.of(jpeg(80, 60)).orElseThrow()));
        assertEquals(80, read.getWidth());
    }

    @Test
    void bytesThatAreNoPictureGiveNothing() {
        assertEquals(Optional.empty(), Thumbnails.of(new byte[] {1, 2, 3}));
    }
}
