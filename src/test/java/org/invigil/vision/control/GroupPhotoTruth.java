package org.invigil.vision.control;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.invigil.vision.DebianPhotos;
import org.invigil.vision.entity.Box;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The ground-truth face boxes of dlib's example group photos (PASCAL VOC images annotated by dlib in
 * {@code training.xml} and {@code testing.xml}).
 */
public record GroupPhotoTruth(Path photo, List<Box> faces) {

    public static List<GroupPhotoTruth> load() throws Exception {
        List<GroupPhotoTruth> photos = new ArrayList<>();
        Path dir = DebianPhotos.dlibFaces();
        for (String file : new String[] {"training.xml", "testing.xml"}) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document doc = factory.newDocumentBuilder().parse(dir.resolve(file).toFile());
            NodeList images = doc.getElementsByTagName("image");
            for (int i = 0; i < images.getLength(); i++) {
                Element image = (Element) images.item(i);
                List<Box> boxes = new ArrayList<>();
                NodeList boxNodes = image.getElementsByTagName("box");
                for (int b = 0; b < boxNodes.getLength(); b++) {
                    Element box = (Element) boxNodes.item(b);
                    boxes.add(new Box(Double.parseDouble(box.getAttribute("left")),
                            Double.parseDouble(box.getAttribute("top")), Double.parseDouble(box.getAttribute("width")),
                            Double.parseDouble(box.getAttribute("height"))));
                }
                photos.add(new GroupPhotoTruth(dir.resolve(image.getAttribute("file")), boxes));
            }
        }
        return photos;
    }
}
