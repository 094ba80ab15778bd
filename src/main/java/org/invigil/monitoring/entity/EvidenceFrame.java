package org.invigil.monitoring.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** A frame that backs an incident, sealed (AES-256-GCM) under its session's data key; never stored in clear. */
@Entity
@Table(name = "evidence_frame")
public class EvidenceFrame {

    @Id
    private String id;

    @Column(name = "incident_id", nullable = false)
    private String incidentId;

    @Column(name = "session_id", nullable = false)
    private String sessionId;

    @Column(name = "captured_at", nullable = false)
    private Instant capturedAt;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "sealed_jpeg", nullable = false)
    private byte[] sealedJpeg;

    protected EvidenceFrame() {
    }

    public EvidenceFrame(String incidentId, String sessionId, Instant capturedAt) {
        this.id = UUID.randomUUID().toString();
        this.incidentId = incidentId;
        this.sessionId = sessionId;
        this.capturedAt = capturedAt;
    }

    /** The associated data of the seal: a sealed frame opens only as this frame of this session. */
    public byte[] associatedData() {
        return ("evidence/" + sessionId + "/" + id).getBytes(StandardCharsets.UTF_8);
    }

    public void seal(byte[] sealed) {
        this.sealedJpeg = sealed.clone();
    }

    public String id() {
        return id;
    }

    public String incidentId() {
        return incidentId;
    }

    public String sessionId() {
        return sessionId;
    }

    public Instant capturedAt() {
        return capturedAt;
    }

    public byte[] sealedJpeg() {
        return sealedJpeg.clone();
    }
}
