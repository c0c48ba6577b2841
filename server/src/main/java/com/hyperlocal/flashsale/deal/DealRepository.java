package com.hyperlocal.flashsale.deal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DealRepository extends JpaRepository<Deal, UUID> {

    Optional<Deal> findByMerchantIdAndIdempotencyKey(UUID merchantId, String idempotencyKey);

    Optional<Deal> findByIdAndMerchantId(UUID id, UUID merchantId);

    List<Deal> findByMerchantIdOrderByCreatedAtDescIdAsc(UUID merchantId);
}
