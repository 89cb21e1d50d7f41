export class StretchingReminderExecutor implements IModExecutor {
  readonly slug = "custom-stretching-reminder";

  async getData(tenant_id: string) {
    const { data, error } = await supabase
      .from("exo_stretching_reminders")
      .select("*")
      .eq("tenant_id", tenant_id)
      .eq("done", false)
      .order("due_at", { ascending: true })
      .limit(200);
    if (error) throw new Error("Could not read exo_stretching_reminders: " + String(error.message ?? error));
    const now = foundry.now();
    const open = data ?? [];
    return { now, open, due: open.filter((r) => String(r.due_at) <= now) };
  }

  async getInsights(tenant_id: string) {
    const d = await this.getData(tenant_id);
    return d.due.slice(0, 5).map((r) => ({ type: "warning", title: "Reminder: stretching", message: String(r.title) }));
  }

  async executeAction(tenant_id: string, action: string, params: Record<string, unknown>) {
    const now = foundry.now();
    if (action === "add_reminder") {
      const title = typeof params.title === "string" ? params.title.trim() : "";
      if (!title) return { success: false, error: "Say what to remind you about" };
      let due_at = this.nextDue(now);
      if (typeof params.due_at === "string") {
        const at = Date.parse(params.due_at);
        if (Number.isNaN(at)) return { success: false, error: "The reminder time is not a date" };
        due_at = new Date(at).toISOString();
      }
      const reminder = { tenant_id, title, due_at, done: false, notified_at: null, created_at: now, completed_at: null };
      const { error } = await supabase.from("exo_stretching_reminders").insert(reminder);
      if (error) return { success: false, error: String(error.message ?? error) };
      return { success: true, data: reminder };
    }
    if (action === "complete_reminder") {
      const title = typeof params.title === "string" ? params.title.trim() : "";
      if (!title) return { success: false, error: "Say what to remind you about" };
      const { data, error } = await supabase
        .from("exo_stretching_reminders")
        .select("*")
        .eq("tenant_id", tenant_id)
        .eq("title", title)
        .eq("done", false)
        .limit(1);
      if (error) return { success: false, error: String(error.message ?? error) };
      if (!data || data.length === 0) return { success: false, error: "There is no open reminder with that text" };
      const closed = await supabase
        .from("exo_stretching_reminders")
        .update({ done: true, completed_at: now })
        .eq("tenant_id", tenant_id)
        .eq("title", title)
        .eq("done", false);
      if (closed.error) return { success: false, error: String(closed.error.message ?? closed.error) };
      const next = { tenant_id, title, due_at: this.nextDue(now), done: false, notified_at: null, created_at: now, completed_at: null };
      const scheduled = await supabase.from("exo_stretching_reminders").insert(next);
      if (scheduled.error) return { success: false, error: String(scheduled.error.message ?? scheduled.error) };
      return { success: true, data: { title, next_due_at: next.due_at } };
    }
    if (action === "remind") {
      await foundry.notify("Reminder: stretching", "It is time: stretching.");
      return { success: true, data: { reminded: true } };
    }
    if (action === "notify_due") {
      const d = await this.getData(tenant_id);
      const pending = d.due.filter((r) => !r.notified_at);
      for (const r of pending) {
        await foundry.notify("Reminder: stretching", String(r.title));
        const marked = await supabase
          .from("exo_stretching_reminders")
          .update({ notified_at: now })
          .eq("tenant_id", tenant_id)
          .eq("title", r.title)
          .eq("due_at", r.due_at);
        if (marked.error) return { success: false, error: String(marked.error.message ?? marked.error) };
      }
      return { success: true, data: { notified: pending.length } };
    }
    return { success: false, error: "Unknown action" };
  }

  private nextDue(after: string) {
    const from = Date.parse(after);
    for (let day = 0; day <= 7; day++) {
      const next = new Date(from);
      next.setDate(next.getDate() + day);
      next.setHours(9, 0, 0, 0);
      if (next.getTime() > from) return next.toISOString();
    }
    return new Date(from + 86400000).toISOString();
  }

  getActions() {
    return [
      {
        "slug": "add_reminder",
        "name": "Add a reminder",
        "description": "Add a reminder (stretching); without a time it is due at the next scheduled time",
        "params_schema": {
          "type": "object",
          "required": [
            "title"
          ],
          "properties": {
            "title": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200
            },
            "due_at": {
              "type": "string",
              "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,3})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$"
            }
          },
          "additionalProperties": false
        }
      },
      {
        "slug": "complete_reminder",
        "name": "Mark as done",
        "description": "Close the open reminders with this text and schedule the next one",
        "params_schema": {
          "type": "object",
          "required": [
            "title"
          ],
          "properties": {
            "title": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200
            }
          },
          "additionalProperties": false
        }
      },
      {
        "slug": "remind",
        "name": "Remind now",
        "description": "Send the reminder (stretching); the skill's schedule runs it every day at 09:00",
        "params_schema": {
          "type": "object",
          "properties": {},
          "additionalProperties": false
        }
      },
      {
        "slug": "notify_due",
        "name": "Notify about due reminders",
        "description": "Send one notification for each reminder that has come due",
        "params_schema": {
          "type": "object",
          "properties": {},
          "additionalProperties": false
        }
      }
    ];
  }
}
