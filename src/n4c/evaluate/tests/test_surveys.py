"""Residents' survey results: Wilson and t intervals, weights with Kish's effective sample size,
suppression of small counts, the questionnaire's wording, and bad CSV input."""

from __future__ import annotations

import pytest
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from n4c.errors import InputError
from n4c.evaluate import surveys


def _rows(answers: list[dict], site: str = "Hill", wave: str = "baseline") -> list[dict]:
    return [{"site": site, "wave": wave, **answer} for answer in answers]


def _result(results, outcome: str, site: str = "Hill", wave: str = "baseline"):
    return next(r for r in results if (r.outcome, r.site, r.wave) == (outcome, site, wave))


def test_the_questionnaire_keeps_the_published_wording():
    questionnaire = surveys.load_questionnaire()
    belonging = questionnaire.question("belonging")
    assert belonging.text == "How strongly do you feel you belong to your immediate neighbourhood?"
    assert [label for _, label in belonging.options][:4] == [
        "Very strongly",
        "Fairly strongly",
        "Not very strongly",
        "Not at all strongly",
    ]
    assert questionnaire.question("life_satisfaction").text == (
        "Overall, how satisfied are you with your life nowadays?"
    )
    assert questionnaire.question("happiness").text == "Overall, how happy did you feel yesterday?"
    assert "prefer_not_to_say" in questionnaire.question("sex").codes
    assert all(q.source for q in questionnaire.questions)
    assert {q.id for q in questionnaire.outcomes} >= {"trust", "influence", "volunteering"}
    assert "age_band" not in {q.id for q in questionnaire.outcomes}


def test_the_questionnaire_reads_in_polish_and_urdu_with_the_same_codes():
    questionnaire = surveys.load_questionnaire()
    polish = questionnaire.in_language("pl")
    urdu = questionnaire.in_language("ur")
    assert polish.question("belonging").text == (
        "Jak silnie czujesz, że należysz do swojej najbliższej okolicy?"
    )
    assert urdu.question("sex").options == (
        ("female", "عورت"),
        ("male", "مرد"),
        ("prefer_not_to_say", "بتانا نہیں چاہتے"),
    )
    assert urdu.question("life_satisfaction").low == "بالکل نہیں"
    assert polish.title == "Życie w Twojej okolicy"
    for translated in (polish, urdu):
        assert [q.codes for q in translated.questions] == [q.codes for q in questionnaire.questions]
        assert translated.version == questionnaire.version
        assert translated.question("trust").positive == ("many",)
        for english, worded in zip(questionnaire.questions, translated.questions, strict=True):
            assert worded.text != english.text
            for (_, label), (_, source) in zip(worded.options, english.options, strict=True):
                assert label != source or label[0].isdigit(), (english.id, label)
    # English is the default: an unknown language, none, or English itself.
    assert questionnaire.in_language("fr") is questionnaire
    assert questionnaire.in_language(None) is questionnaire
    assert questionnaire.in_language("en-gb") is questionnaire
    assert questionnaire.in_language("pl-pl").title == polish.title


def test_a_translation_missing_an_answer_is_refused(tmp_path, monkeypatch):
    text = (surveys._HERE / "residents.toml").read_text(encoding="utf-8")
    (tmp_path / "residents.toml").write_text(
        text.replace('female = "Kobieta", ', ""), encoding="utf-8"
    )
    monkeypatch.setattr(surveys, "_HERE", tmp_path)
    with pytest.raises(InputError, match=r'question "sex" in pl .* needs .*options female'):
        surveys.load_questionnaire.__wrapped__("residents")


def test_a_proportion_takes_the_wilson_interval_and_leaves_dont_know_out():
    answers = [{"belonging": "very_strongly"}] * 7 + [{"belonging": "not_very_strongly"}] * 13
    answers += [{"belonging": "dont_know"}] * 5
    found = _result(surveys.summarise_responses(_rows(answers)), "belonging")
    low, high = proportion_confint(7, 20, alpha=0.05, method="wilson")
    assert (found.responses, found.estimate) == (20, pytest.approx(0.35))
    assert (found.ci_low, found.ci_high) == (pytest.approx(low), pytest.approx(high))
    assert not found.suppressed and not found.weighted


def test_a_mean_takes_the_t_interval():
    scores = [3, 5, 6, 7, 7, 8, 8, 9, 10, 4, 6]
    found = _result(
        surveys.summarise_responses(_rows([{"happiness": s} for s in scores])), "happiness"
    )
    mean = sum(scores) / len(scores)
    se = stats.sem(scores)
    margin = stats.t.ppf(0.975, len(scores) - 1) * se
    assert found.estimate == pytest.approx(mean)
    assert (found.ci_low, found.ci_high) == (
        pytest.approx(mean - margin),
        pytest.approx(mean + margin),
    )


def test_weights_give_a_weighted_share_and_kish_effective_size():
    answers = [{"volunteering": "yes", "weight": 3.0}] * 5
    answers += [{"volunteering": "no", "weight": 1.0}] * 15
    found = _result(surveys.summarise_responses(_rows(answers)), "volunteering")
    n_eff = (5 * 3 + 15) ** 2 / (5 * 9 + 15)
    assert surveys.effective_sample_size([3.0] * 5 + [1.0] * 15) == pytest.approx(n_eff)
    assert found.effective_n == pytest.approx(15.0)
    assert found.estimate == pytest.approx(15 / 30)
    low, high = proportion_confint(0.5 * n_eff, n_eff, alpha=0.05, method="wilson")
    assert (found.ci_low, found.ci_high) == (pytest.approx(low), pytest.approx(high))
    assert found.weighted and "effective sample size 15.0 of 20" in found.note


def test_equal_weights_change_nothing():
    scores = [*list(range(11)), 5, 6]
    plain = surveys.estimate_mean(scores)
    weighted = surveys.estimate_mean(scores, [2.5] * len(scores))
    assert weighted == pytest.approx(plain)


def test_fewer_than_ten_answers_are_suppressed():
    answers = [{"trust": "many"}] * 9
    found = _result(surveys.summarise_responses(_rows(answers)), "trust")
    assert found.suppressed and found.estimate is None and found.ci_low is None
    assert "fewer than 10" in found.note
    ten = _result(surveys.summarise_responses(_rows([*answers, {"trust": "none"}])), "trust")
    assert not ten.suppressed and ten.estimate == pytest.approx(0.9)


def test_results_come_per_site_and_wave_in_wave_order_for_the_questions_asked():
    rows = _rows([{"trust": "many"}] * 10, wave="year_2") + _rows([{"trust": "some"}] * 10)
    rows += _rows([{"happiness": 5}], site="Vale")
    results = surveys.summarise_responses(rows)
    assert [(r.site, r.wave, r.outcome, r.estimate) for r in results] == [
        ("Hill", "baseline", "trust", 0.0),
        ("Hill", "baseline", "happiness", None),
        ("Hill", "year_2", "trust", 1.0),
        ("Hill", "year_2", "happiness", None),
        ("Vale", "baseline", "trust", None),
        ("Vale", "baseline", "happiness", None),
    ]


def test_a_csv_is_read_with_codes_or_words(tmp_path):
    path = tmp_path / "responses.csv"
    path.write_text(
        "site,wave,belonging,happiness,weight\nHill,baseline,Very strongly,7,1.5\n"
        "Hill,year_2,fairly_strongly,,\n",
        encoding="utf-8",
    )
    rows = surveys.read_responses(path)
    assert rows[0] == {
        "site": "Hill",
        "wave": "baseline",
        "belonging": "very_strongly",
        "happiness": 7,
        "weight": 1.5,
    }
    assert "happiness" not in rows[1] and "weight" not in rows[1]


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("wave,trust\nbaseline,many\n", None, 'no "site" column'),
        ("site,wave,colour\nHill,baseline,red\n", None, "no column for any question"),
        ("site,wave,trust\nHill,year_9,many\n", 'row 1, field "wave"', "is not a wave"),
        ("site,wave,trust\nHill,baseline,lots\n", 'row 1, field "trust"', "must be one of"),
        ("site,wave,anxiety\nHill,baseline,11\n", 'row 1, field "anxiety"', "0 to 10"),
        ("site,wave,trust,weight\nHill,baseline,many,-2\n", 'field "weight"', "positive"),
        ("site,wave,trust,weight\nHill,baseline,many,nan\n", 'field "weight"', "positive"),
        ("site,wave,trust\n,baseline,many\n", 'field "site"', "is blank"),
        ("site,wave,trust\n", None, "no responses"),
    ],
)
def test_bad_csv_is_refused_in_one_sentence(tmp_path, text, where, says):
    path = tmp_path / "responses.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        surveys.read_responses(path)
    assert says in str(caught.value)
    if where:
        assert where in str(caught.value)


def test_weights_are_read_by_response_id():
    assert surveys.read_weights("response_id,weight\na,1.5\nb,2\n") == {"a": 1.5, "b": 2.0}
    for text, says in [
        ("response_id\na\n", 'no "weight" column'),
        ("response_id,weight\na,0\n", "positive"),
        ("response_id,weight\na,1\na,2\n", "appears twice"),
        ("response_id,weight\n", "no weights"),
    ]:
        with pytest.raises(InputError, match=says):
            surveys.read_weights(text, name="weights.csv")
