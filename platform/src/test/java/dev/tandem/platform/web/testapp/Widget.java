package dev.tandem.platform.web.testapp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "test_widget")
public class Widget {
    @Id
    public UUID id;
    public String name;
    public int quantity;
    @Enumerated(EnumType.STRING)
    public Color color;
    public LocalDate due;
    public String batch;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
