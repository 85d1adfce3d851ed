package org.agora.budget.vote;

/**
 * A ballot's content encrypted to its envelope's {@link ElectionKey}: what is stored while the vote runs. Every
 * sealed ballot of an envelope has the same length, whatever it chose.
 */
record SealedBallot(byte[] bytes) {

    SealedBallot {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    int length() {
        return bytes.length;
    }
}
