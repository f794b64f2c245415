ALTER TABLE "project_goal" DROP CONSTRAINT "project_goal_status_decision_id_project_decision_id_fk";
