package org.opendms.customer.api;

import java.util.List;

/**
 * What a user types to create a customer or replace its details. Nothing is trusted: the service validates every
 * field and names each one that is wrong.
 *
 * @param type             PERSON or COMPANY
 * @param name             person's or company's name, at most 100 characters
 * @param mobile           mainland mobile; required for a person, optional for a company; unique
 * @param wechatId         WeChat id (微信号), 6–20 letters, digits, '_' or '-', starting with a letter
 * @param address          at most 200 characters
 * @param tags             labels such as "VIP" or "车队", at most 20, each at most 20 characters
 * @param marketingConsent whether the customer agreed to marketing messages; absent means no
 * @param note             free text, at most 500 characters
 */
public record CustomerDraft(CustomerType type, String name, String mobile, String wechatId, String address,
        List<String> tags, Boolean marketingConsent, String note) {
}
