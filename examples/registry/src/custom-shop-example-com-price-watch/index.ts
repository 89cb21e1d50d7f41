export class ShopExampleComPriceWatchExecutor implements IModExecutor {
  readonly slug = "custom-shop-example-com-price-watch";

  async getData(tenant_id: string) {
    const { url, threshold } = this.settings();
    const { data, error } = await supabase
      .from("exo_shop_example_com_price_readings")
      .select("*")
      .eq("tenant_id", tenant_id)
      .eq("url", url)
      .order("checked_at", { ascending: false })
      .limit(50);
    if (error) throw new Error("Could not read exo_shop_example_com_price_readings: " + String(error.message ?? error));
    const lowest = await supabase
      .from("exo_shop_example_com_price_readings")
      .select("*")
      .eq("tenant_id", tenant_id)
      .eq("url", url)
      .order("price", { ascending: true })
      .limit(1);
    if (lowest.error) throw new Error("Could not read exo_shop_example_com_price_readings: " + String(lowest.error.message ?? lowest.error));
    const recent = data ?? [];
    const last = recent[0] ?? null;
    return {
      url,
      threshold,
      currency: null,
      last,
      lowest: (lowest.data ?? [])[0] ?? null,
      below: last !== null && Number(last.price) < threshold,
      recent,
    };
  }

  async getInsights(tenant_id: string) {
    const d = await this.getData(tenant_id);
    if (d.last === null) return [];
    if (d.below) {
      return [{ type: "success", title: "Price under your threshold: shop.example.com", message: "Now " + d.last.price + ", under " + d.threshold }];
    }
    return [{ type: "info", title: "Last price: shop.example.com", message: String(d.last.price) + ", lowest " + d.lowest.price }];
  }

  async executeAction(tenant_id: string, action: string, _params: Record<string, unknown>) {
    if (action !== "check_price") return { success: false, error: "Unknown action" };
    const { url, threshold, field } = this.settings();
    if (!url.startsWith("https://shop.example.com/")) return { success: false, error: "The address in the settings is not on https://shop.example.com/; this skill may only check that site" };
    let response;
    try {
      // The site is written out (the owner approved it); the settings choose only the page on it.
      response = await foundry.http.get("https://shop.example.com/" + url.slice(25), { headers: { accept: "application/json, text/html;q=0.9, */*;q=0.8", authorization: "Bearer {{secret:SHOP_TOKEN}}" } });
    } catch (error) {
      return { success: false, error: "Could not fetch the page: " + String(error.message ?? error) };
    }
    if (!response.ok) return { success: false, error: "The page answered with status " + response.status };
    const price = field ? this.priceInJson(response, field) : this.priceInText(response.body);
    if (price === null) return { success: false, error: field ? "No price found in the field " + field : "No price found on the page" };

    const previous = await supabase
      .from("exo_shop_example_com_price_readings")
      .select("*")
      .eq("tenant_id", tenant_id)
      .eq("url", url)
      .order("checked_at", { ascending: false })
      .limit(1);
    if (previous.error) return { success: false, error: String(previous.error.message ?? previous.error) };
    const before = (previous.data ?? [])[0];
    const dropped = price < threshold && (before === undefined || Number(before.price) >= threshold);
    const reading = { tenant_id, url, price, checked_at: foundry.now(), notified: dropped };
    const { error } = await supabase.from("exo_shop_example_com_price_readings").insert(reading);
    if (error) return { success: false, error: String(error.message ?? error) };
    if (dropped) {
      await foundry.notify("Price drop: shop.example.com", "Now " + price + ", under " + threshold);
    }
    return { success: true, data: { price, threshold, below: price < threshold, notified: dropped } };
  }

  /** The owner's settings (defaults already applied by the sandbox). */
  private settings() {
    const config = foundry.config;
    return { url: String(config.url), threshold: Number(config.threshold), field: typeof config.field === "string" ? config.field : "" };
  }

  /** The number at a dotted path (`offers.0.price`) of a JSON answer: own keys only, a number or a numeric text. */
  private priceInJson(response: { json(): unknown }, field: string) {
    let value: unknown;
    try {
      value = response.json();
    } catch {
      return null;
    }
    for (const key of field.split(".")) {
      if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return null;
      value = (value as Record<string, unknown>)[key];
    }
    if (typeof value === "number") return Number.isFinite(value) && value > 0 ? value : null;
    return typeof value === "string" ? this.toPrice(value) : null;
  }

  /** The first amount written with a currency: "129,99 zł", "$1,299.00", "€ 49". */
  private priceInText(body: string) {
    const found = /([$€£])\s?(\d[\d.,\s]{0,14})|(\d[\d.,\s]{0,14}?)\s?(zł|zl|pln|€|eur|usd|gbp)(?![a-z])/i.exec(body);
    return found ? this.toPrice(found[2] ?? found[3] ?? "") : null;
  }

  /** "1 299,99" and "1,299.99" alike: the last separator followed by one or two digits is the decimal point. */
  private toPrice(raw: string) {
    const compact = raw.replace(/\s/g, "").replace(/[.,]+$/, "");
    const cut = Math.max(compact.lastIndexOf(","), compact.lastIndexOf("."));
    const decimal = cut >= 0 && compact.length - cut - 1 <= 2;
    const whole = (decimal ? compact.slice(0, cut) : compact).replace(/[.,]/g, "");
    const value = Number(decimal ? whole + "." + compact.slice(cut + 1) : whole);
    return Number.isFinite(value) && value > 0 ? value : null;
  }

  getActions() {
    return [
      {
        "slug": "check_price",
        "name": "Check the price",
        "description": "Read the price of shop example com from the page, keep it, and notify when it drops under the threshold",
        "params_schema": {
          "type": "object",
          "properties": {},
          "additionalProperties": false
        },
        "timeoutMs": 15000
      }
    ];
  }
}
