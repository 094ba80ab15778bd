package org.invigil.review.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.invigil.access.entity.ToolSession;
import org.invigil.refusal.entity.Refusal;
import org.invigil.review.control.ExamReport;
import org.invigil.review.control.ExamReports;
import org.invigil.review.control.ReportFilter;
import org.invigil.screens.boundary.ReviewerLogin;
import org.invigil.web.boundary.RefusalMapper;

/**
 * The report of the reviewer's exam: the attempts as a filterable, sortable table, three charts, and links to the
 * CSV and PDF exports of the filtered rows. A person who may not see it gets the reason and the refusal's status.
 */
@Named
@ViewScoped
public class ExamReportView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReviewerLogin login;

    @Inject
    ExamReports reports;

    private String token;
    private String exam;
    private String refusal;
    private ExamReport report;
    private List<ExamReport.Row> rows = List.of();
    private String reviewState;
    private String rule;
    private String minScore;
    private String maxScore;
    private String text;
    private String incidentsByRuleChart;
    private String scoreChart;
    private String overTimeChart;

    public String load() {
        try {
            if (login.enter(token)) {
                token = null;
                return ReviewerLogin.sameScreen();
            }
            ToolSession reviewer = login.reviewer();
            report = reports.of(reviewer, login.examOf(exam));
        } catch (Refusal e) {
            refusal = e.detail();
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(RefusalMapper.problem(e).status());
            return null;
        }
        incidentsByRuleChart = ReportCharts.incidentsByRule(report);
        scoreChart = ReportCharts.scoreDistribution(report);
        overTimeChart = ReportCharts.incidentsOverTime(report);
        filter();
        return null;
    }

    /** Applies the filter fields to the table (the charts always show the whole exam). */
    public void filter() {
        // PrimeFaces sorts the table's list in place: it must be mutable
        rows = report == null ? new ArrayList<>() : new ArrayList<>(report.rows(currentFilter()));
    }

    public void clear() {
        reviewState = null;
        rule = null;
        minScore = null;
        maxScore = null;
        text = null;
        filter();
    }

    private ReportFilter currentFilter() {
        return ReportFilter.of(reviewState, rule, minScore, maxScore, text);
    }

    public boolean isRefused() {
        return refusal != null;
    }

    public String getRefusal() {
        return refusal;
    }

    public String getExamTitle() {
        return report == null ? "" : report.examTitle();
    }

    public List<String> getRules() {
        return report == null ? List.of() : report.rules();
    }

    public List<String> getReviewStates() {
        return report == null ? List.of() : report.reviewStates();
    }

    public int getTotal() {
        return report == null ? 0 : report.rows().size();
    }

    public List<ExamReport.Row> getRows() {
        return rows;
    }

    public String getIncidentsByRuleChart() {
        return incidentsByRuleChart;
    }

    public String getScoreChart() {
        return scoreChart;
    }

    public String getOverTimeChart() {
        return overTimeChart;
    }

    public String getExam() {
        return exam;
    }

    public void setExam(String exam) {
        this.exam = exam;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getReviewState() {
        return reviewState;
    }

    public void setReviewState(String reviewState) {
        this.reviewState = reviewState;
    }

    public String getRule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }

    public String getMinScore() {
        return minScore;
    }

    public void setMinScore(String minScore) {
        this.minScore = minScore;
    }

    public String getMaxScore() {
        return maxScore;
    }

    public void setMaxScore(String maxScore) {
        this.maxScore = maxScore;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
