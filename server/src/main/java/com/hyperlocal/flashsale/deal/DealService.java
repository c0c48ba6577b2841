package com.hyperlocal.flashsale.deal;

import com.hyperlocal.flashsale.revocation.VoucherRevocations;
import com.hyperlocal.flashsale.web.InvalidRequestException;
import com.hyperlocal.flashsale.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class DealService {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private final DealRepository deals;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final VoucherRevocations revocations;

    DealService(
            DealRepository deals,
            TransactionTemplate tx,
            Clock clock,
            ApplicationEventPublisher events,
            VoucherRevocations revocations) {
        this.deals = deals;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
        this.revocations = revocations;
    }

    /**
     * A created deal, or the one an earlier identical request with the same idempotency key
     * created. The same key with a different request is refused ({@link IdempotencyKeyReusedException}).
     */
    record Creation(DealResponse deal, boolean replayed) {}

    Creation create(UUID merchantId, CreateDealRequest request, @Nullable String idempotencyKey) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1-100 characters of A-Z a-z 0-9 _ . : -");
        }
        Instant now = now();
        NewDeal spec = DealRules.check(request, now);
        String fingerprint = request.fingerprint();
        Optional<Creation> earlier = replay(merchantId, idempotencyKey, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            Deal deal = tx.execute(status -> {
                Deal saved = deals.saveAndFlush(new Deal(merchantId, spec, idempotencyKey, fingerprint, now));
                events.publishEvent(saved.listingChanged());
                return saved;
            });
            return new Creation(deal.toResponse(now), false);
        } catch (DataIntegrityViolationException e) {
            // Two requests with the same key raced; the unique index let exactly one in.
            return replay(merchantId, idempotencyKey, fingerprint).orElseThrow(() -> e);
        }
    }

    DealResponse find(UUID id) {
        return deals.findById(id)
                .map(deal -> deal.toResponse(now()))
                .orElseThrow(() -> new NotFoundException("Deal", id));
    }

    DealResponse findOwn(UUID merchantId, UUID id) {
        return own(merchantId, id).toResponse(now());
    }

    List<DealResponse> listOwn(UUID merchantId) {
        Instant now = now();
        return deals.findByMerchantIdOrderByCreatedAtDescIdAsc(merchantId).stream()
                .map(deal -> deal.toResponse(now))
                .toList();
    }

    /** Closes the deal; with {@code voidVouchers} its unredeemed vouchers are revoked in the same transaction. */
    DealResponse close(UUID merchantId, UUID id, boolean voidVouchers) {
        return tx.execute(status -> {
            Deal deal = own(merchantId, id);
            Instant now = now();
            if (deal.close(now)) {
                events.publishEvent(deal.listingChanged());
            }
            DealResponse closed = deals.saveAndFlush(deal).toResponse(now);
            return voidVouchers ? closed.withVoidedVouchers(revocations.voidUnredeemed(merchantId, id)) : closed;
        });
    }

    private Optional<Creation> replay(UUID merchantId, @Nullable String idempotencyKey, String fingerprint) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return deals.findByMerchantIdAndIdempotencyKey(merchantId, idempotencyKey)
                .map(deal -> {
                    if (!deal.madeBy(fingerprint)) {
                        throw new IdempotencyKeyReusedException(deal.getId());
                    }
                    return new Creation(deal.toResponse(now()), true);
                });
    }

    /** Another merchant's deal is reported as missing, so ids reveal nothing. */
    private Deal own(UUID merchantId, UUID id) {
        return deals.findByIdAndMerchantId(id, merchantId).orElseThrow(() -> new NotFoundException("Deal", id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
