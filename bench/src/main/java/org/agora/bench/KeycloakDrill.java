package org.agora.bench;

final class KeycloakDrill {

    private final FaultDrills d;

    KeycloakDrill(FaultDrills drills) {
        this.d = drills;
    }

    void run() throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
