package org.opendms.settlement.wechatpay;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opendms.settlement.wechatpay.cfg: the merchant's account and keys. Without the file the driver is off. */
@ObjectClassDefinition(name = "微信支付 WeChat Pay (API v3)", description = "The merchant account the shop collects on")
public @interface WeChatPayConfig {

    String PID = "org.opendms.settlement.wechatpay";

    @AttributeDefinition(description = "商户号 mchid")
    String mchId();

    @AttributeDefinition(description = "公众号/小程序 appid bound to the merchant")
    String appId();

    @AttributeDefinition(description = "商户 API 证书序列号 (the serial of the certificate of the key below)")
    String merchantSerialNo();

    @AttributeDefinition(description = "商户 API 私钥 apiclient_key.pem (PKCS#8 PEM); relative to karaf.etc")
    String privateKeyPath();

    @AttributeDefinition(description = "微信支付平台证书 (X.509 PEM) or 微信支付公钥 (PEM public key); relative to karaf.etc")
    String platformKeyPath();

    @AttributeDefinition(description = "平台证书序列号 or 公钥 ID (PUB_KEY_ID_…) that notifications name in Wechatpay-Serial")
    String platformSerial();

    @AttributeDefinition(description = "APIv3 密钥 file (32 characters); relative to karaf.etc")
    String apiV3KeyPath();

    @AttributeDefinition(description = "API base URL")
    String baseUrl() default "https://api.mch.weixin.qq.com";

    @AttributeDefinition(description = "The notification URL the provider calls: https://<shop>/api/settlements/online-payments/notify/WECHATPAY")
    String notifyUrl();

    @AttributeDefinition(description = "Seconds a request to the provider may take")
    int timeoutSeconds() default 10;

    @AttributeDefinition(description = "Seconds a signed notification or answer stays acceptable (its Wechatpay-Timestamp)")
    int maxAgeSeconds() default 300;
}
