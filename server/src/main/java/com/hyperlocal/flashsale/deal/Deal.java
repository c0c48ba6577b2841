package com.hyperlocal.flashsale.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * A time-bound offer with limited inventory. {@code remainingInventory} is written only by the
 * claim engine's conditional SQL, never by JPA, so a stale entity can never put units back.
 */
@Entity
@Table(name = "deals")
class Deal implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private UUID merchantId;

    private String title;
    private String description;
    private double latitude;
    private double longitude;

    @Column(name = "total_inventory", updatable = false)
    private int totalInventory;

    @Column(name = "remaining_inventory", updatable = false)
    private int remainingInventory;

    @Column(name = "valid_from")
    private Instant validFrom;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "idempotency_key", updatable = false)
    private @Nullable String idempotencyKey;

    /** {@link CreateDealRequest#fingerprint()} of the request that made it; null before V50. */
    @Column(name = "request_fingerprint", updatable = false)
    private @Nullable String requestFingerprint;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    @Transient
    private boolean isNew;

    protected Deal() {}

    Deal(UUID merchantId, NewDeal spec, @Nullable String idempotencyKey, String requestFingerprint, Instant now) {
        this.id = UUID.randomUUID();
        this.merchantId = merchantId;
        this.title = spec.title();
        this.description = spec.description();
        this.latitude = spec.latitude();
        this.longitude = spec.longitude();
        this.totalInventory = spec.totalInventory();
        this.remainingInventory = spec.totalInventory();
        this.validFrom = spec.validFrom();
        this.validUntil = spec.validUntil();
        this.createdAt = now;
        this.updatedAt = now;
        this.idempotencyKey = idempotencyKey;
        this.requestFingerprint = requestFingerprint;
        this.isNew = true;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    /**
     * Ends the deal now. A deal closed before it started gets an empty window in the past, which
     * keeps {@code valid_until > valid_from} true. Closing an ended deal changes nothing.
     */
    boolean close(Instant now) {
        if (!now.isBefore(validUntil)) {
            return false;
        }
        if (!now.isAfter(validFrom)) {
            validFrom = now.minusNanos(1000);
        }
        validUntil = now;
        closedAt = now;
        updatedAt = now;
        return true;
    }

    DealListingChanged listingChanged() {
        return new DealListingChanged(id, latitude, longitude);
    }

    /** Whether a request with this fingerprint asked for this deal; deals older than V50 match any. */
    boolean madeBy(String fingerprint) {
        return requestFingerprint == null || requestFingerprint.equals(fingerprint);
    }

    UUID merchantId() {
        return merchantId;
    }

    DealResponse toResponse(Instant now) {
        return new DealResponse(
                id,
                merchantId,
                title,
                description,
                latitude,
                longitude,
                totalInventory,
                remainingInventory,
                totalInventory - remainingInventory,
                validFrom,
                validUntil,
                DealStatus.of(validFrom, validUntil, remainingInventory, now),
                createdAt,
                closedAt,
                null);
    }
}
