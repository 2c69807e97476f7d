/**
 * Fake providers on the loopback interface for tests, demos and benchmarks: an Aliyun SMS API that checks
 * signatures and parameters ({@link dev.rekindle.fakes.AliyunSmsFake}) and WeCom group robots
 * ({@link dev.rekindle.fakes.WeComRobotFake}). Both count what they receive and inject faults
 * ({@link dev.rekindle.fakes.Fault}). JDK only.
 */
package dev.rekindle.fakes;
