package ${package};

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of the plugin's note table. Times are UTC. */
@Entity
@Table(name = NotesPlugin.NOTE_TABLE)
public class NoteEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    /** A core vehicle's id; no foreign key, because core's tables belong to core. */
    @Column(name = "vehicle_id", nullable = false)
    long vehicleId;

    @Column(name = "note_text", nullable = false)
    String text;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;
}
