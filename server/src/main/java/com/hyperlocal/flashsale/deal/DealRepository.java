package com.hyperlocal.flashsale.deal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DealRepository extends JpaRepository<Deal, UUID> {
}
