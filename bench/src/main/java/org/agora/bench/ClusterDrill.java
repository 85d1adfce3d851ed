package org.agora.bench;

final class ClusterDrill {

    private final FaultDrills d;

    ClusterDrill(FaultDrills drills) {
        this.d = drills;
    }

    void run() throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
