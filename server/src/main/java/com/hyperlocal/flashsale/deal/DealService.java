package com.hyperlocal.flashsale.deal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.hyperlocal.flashsale.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DealService {

    private final DealRepository deals;
    private final DealProperties properties;
    private final Clock clock;

    DealService(DealRepository deals, DealProperties properties, Clock clock) {
        this.deals = deals;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    DealResponse create(CreateDealRequest request) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        NewDeal spec = DealRules.check(request, now);
        Deal deal = deals.save(new Deal(properties.defaultMerchantId(), spec, now));
        return deal.toResponse(now);
    }

    @Transactional(readOnly = true)
    DealResponse find(UUID id) {
        return deals.findById(id)
                .map(deal -> deal.toResponse(clock.instant()))
                .orElseThrow(() -> new NotFoundException("Deal", id));
    }
}
