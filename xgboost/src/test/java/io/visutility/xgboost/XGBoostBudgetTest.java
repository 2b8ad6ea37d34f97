package io.visutility.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.training.Budget;
import io.visutility.training.Dataset;
import io.visutility.training.SeaGenerator;
import io.visutility.training.TrainingException;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.tuning.HyperParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks that the trainer spends exactly the budget it is given and records what it used. */
class XGBoostBudgetTest {
    private static final XGBoostTrainer TRAINER = new XGBoostTrainer(1);
    private static final HyperParams PARAMS = HyperParams.of("n_estimators", 40, "max_depth", 4);
    private static Dataset.Split split;

    @BeforeAll
    static void data() {
        split = SeaGenerator.withNoise(3, 0.1).next(2, 4000).split(0.25, 5);
    }

    private static TrainingResult train(HyperParams params, Dataset train, Budget budget) {
        return TRAINER.train(new TrainingRequest("sea", params, train, split.validation(), 9, budget));
    }

    @Test
    void aRoundsBudgetSetsTheNumberOfTreesAndTheRecordedParamsSaySo() {
        TrainingResult budgeted = train(PARAMS, split.train(), Budget.rounds(7));
        TrainingResult sevenTrees = train(PARAMS.with("n_estimators", 7), split.train(), Budget.full());
        TrainingResult full = train(PARAMS, split.train(), Budget.full());

        assertThat(budgeted.params().get("n_estimators")).isEqualTo(7L);
        assertThat(budgeted.artifact()).isEqualTo(sevenTrees.artifact());
        assertThat(budgeted.artifact()).isNotEqualTo(full.artifact());
        assertThat(full.params().get("n_estimators")).isEqualTo(40L);
        assertThat(train(PARAMS, split.train(), Budget.rounds(60)).params().get("n_estimators"))
                .as("a budget above the parameter also sets it").isEqualTo(60L);
    }

    @Test
    void aFractionBudgetFitsOnTheFirstShareOfTheTrainingRows() {
        TrainingResult budgeted = train(PARAMS, split.train(), Budget.fraction(0.25));
        int rows = (int) Math.ceil(split.train().rows() * 0.25);
        TrainingResult onSlice = train(PARAMS, split.train().slice(0, rows), Budget.full());

        assertThat(budgeted.artifact()).isEqualTo(onSlice.artifact());
        assertThat(budgeted.artifact()).isNotEqualTo(train(PARAMS, split.train(), Budget.full()).artifact());
        assertThat(budgeted.params()).isEqualTo(XGBoostTrainer.SEARCH_SPACE.validate(PARAMS));
        assertThat(budgeted.validation().samples()).isEqualTo(split.validation().rows());
    }

    @Test
    void aRoundsBudgetOutsideTheDeclaredRangeIsRefusedNamingIt() {
        assertThatThrownBy(() -> train(PARAMS, split.train(), Budget.rounds(5000)))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("budget rounds:5000")
                .hasMessageContaining("n_estimators must be within [1, 2000], was 5000");
    }

    @Test
    void regLambdaReachesXGBoost() {
        TrainingResult smooth = train(PARAMS.with("reg_lambda", 50.0), split.train(), Budget.full());

        assertThat(smooth.artifact()).isNotEqualTo(train(PARAMS, split.train(), Budget.full()).artifact());
    }
}
