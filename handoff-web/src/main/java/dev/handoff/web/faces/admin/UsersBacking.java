package dev.handoff.web.faces.admin;

import dev.handoff.routing.boundary.AgentEdit;
import dev.handoff.routing.boundary.AgentImportResult;
import dev.handoff.routing.boundary.AgentProfiles;
import dev.handoff.routing.boundary.BulkResult;
import dev.handoff.routing.boundary.UserBulkService;
import dev.handoff.identity.boundary.UserService;
import dev.handoff.routing.control.AgentCsv;
import dev.handoff.identity.entity.Role;
import dev.handoff.identity.entity.UserAccount;
import dev.handoff.routing.control.SkillList;
import dev.handoff.identity.entity.Agent;
import dev.handoff.web.faces.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Backs admin/users.xhtml: users and agents, searching them, creating them, skills and capacity,
 * enabling and disabling, bulk edits of the selected rows, and the agent CSV (export, import by pasting).
 */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserService users;

    @Inject
    AgentProfiles profiles;

    @Inject
    UserBulkService bulk;

    private transient List<Row> all;
    private transient List<Row> rows;
    private String query;
    private List<Row> selected = new ArrayList<>();
    private String bulkAction = "capacity";
    private String bulkText;
    private int bulkNumber = 3;
    private String importText;
    private transient AgentImportResult importResult;
    private String username;
    private String displayName;
    private Role role = Role.AGENT;
    private String password;
    private String skills = "general:3";
    private int capacity = 3;

    /** A user with their agent profile, if they have one. */
    public record Row(long id, String username, String displayName, String role, boolean enabled, Long agentId,
            String presence, String skills, Integer capacity, String languages, Integer tier, String team) implements Serializable {

        /**
         * Whether every word of the query occurs (ignoring case) in the username, name, role, a skill,
         * the team or a language; "billing:5" matches the skill at that level.
         */
        public boolean matches(String query) {
            if (query == null || query.isBlank()) {
                return true;
            }
            String haystack = String.join("\n", username, displayName, role, nz(skills), nz(team), nz(languages))
                    .toLowerCase(Locale.ROOT);
            return Arrays.stream(query.toLowerCase(Locale.ROOT).strip().split("\\s+")).allMatch(haystack::contains);
        }

        private static String nz(String value) {
            return value == null ? "" : value;
        }
    }

    /** The rows the search lets through. */
    public List<Row> getRows() {
        if (rows == null) {
            rows = getAllRows().stream().filter(r -> r.matches(query)).toList();
        }
        return rows;
    }

    /** Every user, whatever the search. */
    public List<Row> getAllRows() {
        if (all == null) {
            Map<String, Agent> agents = profiles.agents().stream().collect(Collectors.toMap(Agent::getUsername, Function.identity()));
            all = users.all().stream().map(u -> row(u, agents.get(u.getUsername()))).toList();
        }
        return all;
    }

    private void reload() {
        all = null;
        rows = null;
        Set<Long> ids = selected.stream().map(Row::id).collect(Collectors.toSet());
        selected = new ArrayList<>(getAllRows().stream().filter(r -> ids.contains(r.id())).toList());
    }

    public void search() {
        rows = null;
    }

    /** Applies the chosen bulk action to the selected rows, one user at a time, each through AgentProfiles. */
    public void applyBulk() {
        if (selected == null || selected.isEmpty()) {
            Messages.error("Select users in the table first (the check boxes on the left).");
            return;
        }
        AgentEdit edit = bulkEdit();
        if (edit == null) {
            return;
        }
        List<String> usernames = selected.stream().map(Row::username).toList();
        BulkResult result = Messages.attempt(() -> bulk.edit(usernames, edit, me()));
        if (result != null) {
            if (result.updated() > 0 || result.errors().isEmpty()) {
                Messages.info(result.updated() + (result.updated() == 1 ? " user" : " users") + " updated ("
                        + describe(edit) + ")" + (result.errors().isEmpty() ? "." : "; " + result.errors().size() + " not:"));
            }
            result.errors().forEach(Messages::error);
        }
        reload();
    }

    private AgentEdit bulkEdit() {
        String text = bulkText == null ? "" : bulkText.strip();
        boolean needsText = Set.of("setSkill", "removeSkill").contains(bulkAction);
        if (needsText && text.isEmpty()) {
            Messages.error("Type the skill's name.");
            return null;
        }
        if ("setSkill".equals(bulkAction) && (bulkNumber < 1 || bulkNumber > 5)) {
            Messages.error("A skill's level is from 1 to 5.");
            return null;
        }
        return switch (bulkAction == null ? "" : bulkAction) {
            case "capacity" -> new AgentEdit.Capacity(bulkNumber);
            case "setSkill" -> new AgentEdit.SetSkill(text, bulkNumber);
            case "removeSkill" -> new AgentEdit.RemoveSkill(text);
            case "team" -> new AgentEdit.Team(text);
            case "offline" -> new AgentEdit.Offline();
            case "enable" -> new AgentEdit.Enabled(true);
            case "disable" -> new AgentEdit.Enabled(false);
            default -> {
                Messages.error("Choose what to change.");
                yield null;
            }
        };
    }

    private static String describe(AgentEdit edit) {
        if (edit instanceof AgentEdit.Capacity c) {
            return "up to " + c.max() + " chats";
        } else if (edit instanceof AgentEdit.SetSkill s) {
            return s.skill() + ":" + s.level();
        } else if (edit instanceof AgentEdit.RemoveSkill r) {
            return "without " + r.skill();
        } else if (edit instanceof AgentEdit.Team t) {
            return t.team().isBlank() ? "no team" : "team " + t.team();
        } else if (edit instanceof AgentEdit.Offline) {
            return "offline";
        }
        return ((AgentEdit.Enabled) edit).enabled() ? "enabled" : "disabled";
    }

    /** All users as an agent CSV, with a byte order mark so spreadsheets read it as UTF-8. */
    public StreamedContent exportCsv() {
        byte[] bytes = ("\uFEFF" + bulk.exportCsv()).getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder()
                .name("handoff-agents.csv")
                .contentType("text/csv; charset=UTF-8")
                .contentLength((long) bytes.length)
                .stream(() -> new ByteArrayInputStream(bytes))
                .build();
    }

    public void importCsv() {
        importResult = null;
        if (importText == null || importText.isBlank()) {
            Messages.error("Paste an agent CSV; the first line is the header " + AgentCsv.HEADER + ".");
            return;
        }
        AgentImportResult result = Messages.attempt(() -> bulk.importCsv(importText, me()));
        if (result == null) {
            return;
        }
        importResult = result;
        boolean applied = result.created() + result.updated() + result.unchanged() > 0;
        if (applied) {
            Messages.info("Imported: " + result.created() + " created, " + result.updated() + " updated, " + result.unchanged()
                    + " unchanged." + (result.created() > 0 ? " New users have no password yet: set one below." : ""));
        }
        if (!result.errors().isEmpty()) {
            Messages.error(result.errors().size() + (result.errors().size() == 1 ? " line" : " lines")
                    + (applied ? " refused; " : " with errors; nothing imported; ") + "see the list below the import box.");
        } else {
            importText = null;
        }
        reload();
    }

    private static String me() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    private static Row row(UserAccount u, Agent a) {
        return new Row(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole().roleName(), u.isEnabled(),
                a == null ? null : a.getId(), a == null ? null : a.getPresence().name().toLowerCase(),
                a == null ? null : SkillList.format(a.getSkills()), a == null ? null : a.getMaxConcurrentChats(),
                a == null ? null : String.join(", ", a.getLanguages()), a == null ? null : a.getTier(),
                a == null ? null : a.getTeam());
    }

    public void create() {
        boolean created = Messages.attempt(() -> users.create(username, displayName, role,
                password == null ? new char[0] : password.toCharArray(), SkillList.parse(skills), capacity)) != null;
        if (created) {
            Messages.info("Created " + username.strip().toLowerCase() + ".");
            username = null;
            displayName = null;
            password = null;
        }
        reload();
    }

    public void toggle(Row row) {
        String me = me();
        if (Messages.attempt(() -> users.setEnabled(row.id(), !row.enabled(), me))) {
            Messages.info((row.enabled() ? "Disabled " : "Enabled ") + row.username() + ".");
        }
        reload();
    }

    /** Loads the chosen user's skills and capacity into the edit form. */
    public void pick() {
        getAllRows().stream().filter(r -> r.username().equals(editUsername)).findFirst().ifPresent(r -> {
            editSkills = r.skills();
            editCapacity = r.capacity() == null ? 1 : r.capacity();
            editLanguages = r.languages();
            editTier = r.tier() == null ? 1 : r.tier();
            editTeam = r.team();
        });
    }

    public void saveAgent() {
        Row row = getAllRows().stream().filter(r -> r.username().equals(editUsername)).findFirst().orElse(null);
        if (row == null || row.agentId() == null) {
            Messages.error("Choose an agent or supervisor to edit.");
            return;
        }
        if (Messages.attempt(() -> profiles.updateAgent(row.agentId(), SkillList.parse(editSkills), editCapacity))
                && Messages.attempt(() -> profiles.updateAgentProfile(row.agentId(), languages(editLanguages), editTier, editTeam))) {
            Messages.info("Updated " + row.username() + ": " + editSkills + ", up to " + editCapacity + " chats, speaks "
                    + editLanguages + ", tier " + editTier + (editTeam == null || editTeam.isBlank() ? "" : ", team " + editTeam) + ".");
        }
        reload();
    }

    public void resetPassword() {
        Row row = getAllRows().stream().filter(r -> r.username().equals(editUsername)).findFirst().orElse(null);
        if (row == null) {
            Messages.error("Choose a user.");
            return;
        }
        if (Messages.attempt(() -> users.resetPassword(row.id(), newPassword == null ? new char[0] : newPassword.toCharArray()))) {
            Messages.info("Password of " + row.username() + " changed.");
        }
        newPassword = null;
    }

    private String editUsername;
    private String editSkills;
    private int editCapacity = 3;
    private String newPassword;
    private String editLanguages = "en";
    private int editTier = 1;
    private String editTeam;

    private static java.util.Set<String> languages(String list) {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        for (String code : (list == null ? "" : list).split("[,\\s]+")) {
            if (!code.isBlank()) {
                codes.add(code.strip());
            }
        }
        return codes;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<Row> getSelected() {
        return selected;
    }

    public void setSelected(List<Row> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public String getBulkAction() {
        return bulkAction;
    }

    public void setBulkAction(String bulkAction) {
        this.bulkAction = bulkAction;
    }

    public String getBulkText() {
        return bulkText;
    }

    public void setBulkText(String bulkText) {
        this.bulkText = bulkText;
    }

    public int getBulkNumber() {
        return bulkNumber;
    }

    public void setBulkNumber(int bulkNumber) {
        this.bulkNumber = bulkNumber;
    }

    public String getImportText() {
        return importText;
    }

    public void setImportText(String importText) {
        this.importText = importText;
    }

    public AgentImportResult getImportResult() {
        return importResult;
    }

    public String getCsvHeader() {
        return AgentCsv.HEADER;
    }

    public String getEditLanguages() {
        return editLanguages;
    }

    public void setEditLanguages(String editLanguages) {
        this.editLanguages = editLanguages;
    }

    public int getEditTier() {
        return editTier;
    }

    public void setEditTier(int editTier) {
        this.editTier = editTier;
    }

    public String getEditTeam() {
        return editTeam;
    }

    public void setEditTeam(String editTeam) {
        this.editTeam = editTeam;
    }

    public String getEditUsername() {
        return editUsername;
    }

    public void setEditUsername(String editUsername) {
        this.editUsername = editUsername;
    }

    public String getEditSkills() {
        return editSkills;
    }

    public void setEditSkills(String editSkills) {
        this.editSkills = editSkills;
    }

    public int getEditCapacity() {
        return editCapacity;
    }

    public void setEditCapacity(int editCapacity) {
        this.editCapacity = editCapacity;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getSkills() {
        return skills;
    }

    public void setSkills(String skills) {
        this.skills = skills;
    }

    public int getCapacity() {
        return capacity;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }
}
