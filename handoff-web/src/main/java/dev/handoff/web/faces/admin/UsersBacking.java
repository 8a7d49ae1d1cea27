package dev.handoff.web.faces.admin;

import dev.handoff.identity.boundary.UserService;
import dev.handoff.identity.entity.Role;
import dev.handoff.identity.entity.UserAccount;
import dev.handoff.routing.control.SkillList;
import dev.handoff.routing.entity.Agent;
import dev.handoff.web.faces.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Backs admin/users.xhtml: users and agents, creating them, skills and capacity, enabling and disabling. */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserService users;

    private transient List<Row> rows;
    private String username;
    private String displayName;
    private Role role = Role.AGENT;
    private String password;
    private String skills = "general:3";
    private int capacity = 3;

    /** A user with their agent profile, if they have one. */
    public record Row(long id, String username, String displayName, String role, boolean enabled, Long agentId,
            String presence, String skills, Integer capacity, String languages, Integer tier, String team) {}

    public List<Row> getRows() {
        if (rows == null) {
            Map<String, Agent> agents = users.agents().stream().collect(Collectors.toMap(Agent::getUsername, Function.identity()));
            rows = users.all().stream().map(u -> row(u, agents.get(u.getUsername()))).toList();
        }
        return rows;
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
        rows = null;
    }

    public void toggle(Row row) {
        String me = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        if (Messages.attempt(() -> users.setEnabled(row.id(), !row.enabled(), me))) {
            Messages.info((row.enabled() ? "Disabled " : "Enabled ") + row.username() + ".");
        }
        rows = null;
    }

    /** Loads the chosen user's skills and capacity into the edit form. */
    public void pick() {
        getRows().stream().filter(r -> r.username().equals(editUsername)).findFirst().ifPresent(r -> {
            editSkills = r.skills();
            editCapacity = r.capacity() == null ? 1 : r.capacity();
            editLanguages = r.languages();
            editTier = r.tier() == null ? 1 : r.tier();
            editTeam = r.team();
        });
    }

    public void saveAgent() {
        Row row = getRows().stream().filter(r -> r.username().equals(editUsername)).findFirst().orElse(null);
        if (row == null || row.agentId() == null) {
            Messages.error("Choose an agent or supervisor to edit.");
            return;
        }
        if (Messages.attempt(() -> users.updateAgent(row.agentId(), SkillList.parse(editSkills), editCapacity))
                && Messages.attempt(() -> users.updateAgentProfile(row.agentId(), languages(editLanguages), editTier, editTeam))) {
            Messages.info("Updated " + row.username() + ": " + editSkills + ", up to " + editCapacity + " chats, speaks "
                    + editLanguages + ", tier " + editTier + (editTeam == null || editTeam.isBlank() ? "" : ", team " + editTeam) + ".");
        }
        rows = null;
    }

    public void resetPassword() {
        Row row = getRows().stream().filter(r -> r.username().equals(editUsername)).findFirst().orElse(null);
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
