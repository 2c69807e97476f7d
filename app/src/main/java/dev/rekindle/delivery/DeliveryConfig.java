package dev.rekindle.delivery;

import dev.rekindle.channel.ChannelRegistry;
import dev.rekindle.channel.RegisteredChannel;
import dev.rekindle.shop.ShopProfile;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the delivery engine to the app's database, channels and settings ({@code rekindle.delivery.*}). */
@Configuration(proxyBeanMethods = false)
class DeliveryConfig {

    @Bean
    DeliveryPolicy deliveryPolicy(DeliveryProperties settings) {
        return DeliveryPolicy.from(settings);
    }

    /** The guard's settings live under rekindle.delivery.* too: one namespace for planning, dry runs and sends. */
    @Bean
    dev.rekindle.guard.GuardPolicy guardPolicy(DeliveryPolicy policy) {
        return policy.guardPolicy();
    }

    @Bean
    DeliveryLedger deliveryLedger(JdbcClient jdbc, PlatformTransactionManager tm) {
        return new DeliveryLedger(jdbc, new TransactionTemplate(tm));
    }

    @Bean
    DeliveryRuns deliveryRuns(JdbcClient jdbc, PlatformTransactionManager tm, DeliveryLedger ledger, DeliveryPolicy policy) {
        return new DeliveryRuns(jdbc, new TransactionTemplate(tm), ledger, policy.leaseStale());
    }

    /** Channels are looked up on use: loading plugins is not needed until something is sent. */
    @Bean
    ChannelDirectory channelDirectory(ObjectProvider<ChannelRegistry> registry) {
        return id -> registry.getObject().find(id).map(RegisteredChannel::channel);
    }

    /** On close (Ctrl-C, SIGTERM) running sends stop cleanly before the database goes away. */
    @Bean(destroyMethod = "shutdown")
    DeliveryEngine deliveryEngine(DeliveryLedger ledger, DeliveryRuns runs, ChannelDirectory channels, DeliveryPolicy policy,
            ShopProfile shop, dev.rekindle.store.DatabaseLocation db, DeliveryProperties settings) {
        return new DeliveryEngine(ledger, runs, channels, policy, shop, new ChannelLocks(db.path(), settings.channelLockWaitSeconds()));
    }

    @Bean
    UnknownOutcomes unknownOutcomes(DeliveryLedger ledger, DeliveryRuns runs, ChannelDirectory channels, DeliveryPolicy policy,
            ShopProfile shop) {
        return new UnknownOutcomes(ledger, runs, channels, policy.reconcileMinAge(), shop);
    }
}
