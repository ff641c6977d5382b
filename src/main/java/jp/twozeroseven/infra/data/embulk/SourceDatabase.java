package jp.twozeroseven.infra.data.embulk;

import jp.twozeroseven.infra.support.Required;

/** The Aurora endpoint the export reads from: the reader endpoint, so exports never load the writer. */
public record SourceDatabase(String readerEndpoint, int port, String database) {
    public SourceDatabase {
        Required.components(SourceDatabase.class, readerEndpoint, port, database);
        if (readerEndpoint.isBlank()) {
            throw new IllegalArgumentException("Aurora reader endpoint is empty; pass the cluster's reader endpoint");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Aurora port " + port + " is out of range; use 5432 unless the cluster says otherwise");
        }
    }
}
