/// CRD loading, structural schemas, field paths and manifest validation.
public enum RolebookSchemaModule {}
