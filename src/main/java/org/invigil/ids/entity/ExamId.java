package org.invigil.ids.entity;

/** A proctored exam: the id Invigil gave it when its resource link was first launched or created. */
public record ExamId(String value) {

    public ExamId {
        if (!Ids.wellFormed(value)) {
            throw new IdMalformed("exam", "exam_unknown");
        }
    }

    public static ExamId of(String value) {
        return new ExamId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
