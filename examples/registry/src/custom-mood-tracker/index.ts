export class MoodTrackerExecutor implements IModExecutor {
  readonly slug = "custom-mood-tracker";

  async getData(tenant_id: string) {
    const { data, error } = await supabase
      .from("exo_mood_entries")
      .select("*")
      .eq("tenant_id", tenant_id)
      .order("logged_at", { ascending: false })
      .limit(500);
    if (error) throw new Error("Could not read exo_mood_entries: " + String(error.message ?? error));
    const entries = data ?? [];
    const today = foundry.now().slice(0, 10);
    const todays = entries.filter((e) => String(e.logged_at).slice(0, 10) === today);
    const total = todays.reduce((sum, e) => sum + Number(e.amount), 0);
    return {
      date: today,
      unit: "",
      total: Math.round(total * 100) / 100,
      today_count: todays.length,
      entries: entries.slice(0, 50),
    };
  }

  async getInsights(tenant_id: string) {
    const d = await this.getData(tenant_id);
    if (d.today_count > 0) {
      return [{ type: "info", title: "Today: mood", message: String(d.total) + " so far" }];
    }
    return [];
  }

  async executeAction(tenant_id: string, action: string, params: Record<string, unknown>) {
    if (action === "log_mood") {
      const amount = Number(params.amount);
      if (!Number.isFinite(amount) || amount <= 0 || amount > 1000000) {
        return { success: false, error: "Give amount greater than 0 and at most 1000000" };
      }
      const entry = {
        tenant_id,
        amount: amount,
        note: typeof params.note === "string" ? params.note : null,
        logged_at: foundry.now(),
      };
      const { error } = await supabase.from("exo_mood_entries").insert(entry);
      if (error) return { success: false, error: String(error.message ?? error) };
      return { success: true, data: entry };
    }
    return { success: false, error: "Unknown action" };
  }

  getActions() {
    return [
      {
        "slug": "log_mood",
        "name": "Log mood",
        "description": "Record an amount of mood",
        "params_schema": {
          "type": "object",
          "required": [
            "amount"
          ],
          "properties": {
            "amount": {
              "type": "number",
              "exclusiveMinimum": 0,
              "maximum": 1000000
            },
            "note": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200
            }
          },
          "additionalProperties": false
        }
      }
    ];
  }
}
