"""Design, engineering and business software in the skills taxonomy: CAD/BIM/CAE, graphics and
video, GIS, ERP/CRM/accounting, as postings outside software engineering name them, and their
names that are also ordinary words ("Sketch", "Rhino", "Maya", "Corona", "Lira")."""

from __future__ import annotations

import pytest

from services.enricher.skills import extract_skills, tag_skills
from services.enricher.skills.taxonomy import load_taxonomy
from shared.posting import Description, NormalizedPosting, Skill


def skills(text: str, title: str | None = None) -> dict[str, Skill]:
    posting = NormalizedPosting(title=title, description=Description(text=text))
    return {s.name: s for s in extract_skills(posting)}


def names(text: str) -> set[str]:
    return set(skills(text))


def test_english_requirement_list() -> None:
    text = (
        "Requirements:\n"
        "- Proficiency in SketchUp, Rhino, Grasshopper and Lumion\n"
        "- Experience with ArchiCAD or Revit; V-Ray or Enscape for rendering\n"
        "- 3ds Max, Corona Renderer, Twinmotion\n"
        "- Working knowledge of CATIA, Autodesk Inventor, PTC Creo and Solid Edge\n"
        "- Familiarity with Abaqus, ANSYS Fluent and COMSOL Multiphysics\n"
        "- Civil 3D, MicroStation, Navisworks and Tekla Structures\n"
        "- Adobe Illustrator, InDesign, CorelDRAW, DaVinci Resolve, Final Cut Pro\n"
        "- QGIS or ArcGIS Pro; Primavera P6; Bluebeam Revu\n"
    )
    expected = {
        "SketchUp",
        "Rhinoceros 3D",
        "Grasshopper",
        "Lumion",
        "ArchiCAD",
        "Revit",
        "V-Ray",
        "Enscape",
        "3ds Max",
        "Corona Renderer",
        "Twinmotion",
        "CATIA",
        "Autodesk Inventor",
        "PTC Creo",
        "Solid Edge",
        "Abaqus",
        "ANSYS",
        "COMSOL",
        "Autodesk Civil 3D",
        "MicroStation",
        "Navisworks",
        "Tekla Structures",
        "Adobe Illustrator",
        "Adobe InDesign",
        "CorelDRAW",
        "DaVinci Resolve",
        "Final Cut Pro",
        "QGIS",
        "ArcGIS",
        "Primavera P6",
        "Bluebeam Revu",
    }
    assert expected <= names(text)


def test_russian_posting() -> None:
    text = (
        "Требования:\n"
        "- Знание ArchiCAD, Revit, SketchUp, Lumion\n"
        "- Опыт работы в 1С:Предприятие\n"
        "- Уверенное владение Компас-3D и Автокад\n"
        "- Опыт расчётов в ЛИРА-САПР и SCAD\n"
        "Будет плюсом:\n"
        "- знание Битрикс24 и amoCRM\n"
    )
    found = skills(text)
    expected = {
        "ArchiCAD",
        "Revit",
        "SketchUp",
        "Lumion",
        "1C",
        "KOMPAS-3D",
        "AutoCAD",
        "LIRA-SAPR",
        "SCAD Office",
    }
    assert expected <= set(found)
    assert found["ArchiCAD"].category == "tools"
    assert found["ArchiCAD"].required is True
    assert found["Bitrix24"].required is False
    assert found["amoCRM"].required is False


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Уверенный пользователь Архикад.", "ArchiCAD"),
        ("Уверенное владение АвтоКАД.", "AutoCAD"),
        ("Работа в программе Скетчап.", "SketchUp"),
        ("Опыт работы в КОМПАС-3D.", "KOMPAS-3D"),
        ("Знание программ КОМПАС, AutoCAD.", "KOMPAS-3D"),
        ("Расчёты в ПК ЛИРА.", "LIRA-SAPR"),
        ("Опыт работы в Лира-САПР.", "LIRA-SAPR"),
        ("Знание 1с на уровне пользователя.", "1C"),
        ("Опыт работы в 1С:Бухгалтерия и 1С:ЗУП.", "1C"),
        ("Знание программ КонсультантПлюс, Контур.Экстерн.", "ConsultantPlus"),
        ("Визуализация в 3D Max и Corona.", "3ds Max"),
        ("Good knowledge of Sketchup.", "SketchUp"),
        ("Modelling in Rhino3D.", "Rhinoceros 3D"),
        ("Our drawings are made in Autodesk Revit.", "Revit"),
        ("Experience with SAP PP and SAP EWM.", "SAP PP"),
    ],
)
def test_spellings(text: str, name: str) -> None:
    assert name in names(text)


def test_german_posting() -> None:
    text = (
        "Dein Profil:\n"
        "- Sehr gute Kenntnisse in ArchiCAD oder Allplan\n"
        "- Erfahrung mit Rhino und Grasshopper ist von Vorteil\n"
        "- Sicherer Umgang mit DATEV und MS Office\n"
    )
    found = skills(text)
    assert {"ArchiCAD", "Allplan", "Rhinoceros 3D", "Grasshopper", "DATEV"} <= set(found)
    assert found["Rhinoceros 3D"].required is False
    assert found["ArchiCAD"].required is True


def test_polish_and_swedish_postings() -> None:
    polish = "Wymagania:\n- znajomość programów Comarch ERP Optima, Symfonia i Subiekt GT\n"
    assert {"Comarch ERP", "Symfonia", "Subiekt GT"} <= names(polish)
    swedish = "Kunskap i Fortnox och Visma är meriterande."
    assert {"Fortnox", "Visma"} <= names(swedish)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Design tools: Figma, Sketch, Adobe XD", {"Figma", "Sketch app", "Adobe XD"}),
        ("3D: ZBrush, Maya, Substance Painter", {"ZBrush", "Autodesk Maya", "Substance Painter"}),
        ("Revit, Rhino, Grasshopper", {"Revit", "Rhinoceros 3D", "Grasshopper"}),
        ("Experience with Canva and Photoshop.", {"Canva", "Adobe Photoshop"}),
    ],
)
def test_ordinary_word_names_count_in_lists(text: str, expected: set[str]) -> None:
    assert expected <= names(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("We sketch the architecture together before writing code.", "Sketch app"),
        ("Sketch the architecture of new services and review designs.", "Sketch app"),
        ("Let's sketch up a plan for the quarter.", "SketchUp"),
        ("Maya is our CEO.", "Autodesk Maya"),
        ("Our team supports a rhino conservation charity.", "Rhinoceros 3D"),
        ("The Rhino Conservation Trust is our partner.", "Rhinoceros 3D"),
        ("A grasshopper jumped onto the desk.", "Grasshopper"),
        ("The Corona pandemic changed how we work.", "Corona Renderer"),
        ("Prices are in Turkish lira.", "LIRA-SAPR"),
        ("Лира подешевела на торгах.", "LIRA-SAPR"),
        ("Приглашаем в магазин «Компас» продавца-консультанта.", "KOMPAS-3D"),
        ("Продавец-консультант, плюс бонусы и скидки.", "ConsultantPlus"),
        ("Creo que el equipo es excelente.", "PTC Creo"),
        ("Inventor of the year award goes to our lab.", "Autodesk Inventor"),
        ("The final cut of the film was made by the editor.", "Final Cut Pro"),
        ("Attend the premiere and an audition for the choir.", "Adobe Premiere Pro"),
        ("Attend the premiere and an audition for the choir.", "Adobe Audition"),
        ("We work in open office spaces.", "LibreOffice"),
        ("We install free CAD viewers on every laptop.", "FreeCAD"),
        ("Join Canva to empower the world to design.", "Canva"),
        ("Visma is growing in Stockholm.", "Visma"),
        ("A solid edge over competitors.", "Solid Edge"),
        ("Arnold will be your manager; Tekla from HR will call you.", "Arnold Renderer"),
        ("Arnold will be your manager; Tekla from HR will call you.", "Tekla Structures"),
        ("We use 1a, 1b, 1c grades for documents.", "1C"),
    ],
)
def test_ordinary_words_do_not_fire(text: str, absent: str) -> None:
    assert absent not in names(text)


def test_a_list_is_not_read_as_one_longer_name() -> None:
    # separators are spaces to the matcher: "Photoshop, Lightroom" must stay two products
    found = names("Proficient in Adobe Photoshop, Lightroom and AutoCAD, Civil 3D.")
    assert {"Adobe Photoshop", "Adobe Lightroom", "AutoCAD", "Autodesk Civil 3D"} <= found


def test_employer_tags_map_onto_the_technologies() -> None:
    taxonomy = load_taxonomy()
    assert [s.id for s in tag_skills("Autodesk Revit", taxonomy)] == ["tech:revit"]
    assert [s.id for s in tag_skills("ArchiCAD", taxonomy)] == ["tech:archicad"]
    assert [s.id for s in tag_skills("SketchUp", taxonomy)] == ["tech:sketchup"]
    assert [s.id for s in tag_skills("1С: Бухгалтерия", taxonomy)] == ["tech:1c"]


def test_esco_concepts_are_carried_by_the_technology() -> None:
    found = skills("Retouching in Lightroom and GIMP.")
    for name in ("Adobe Lightroom", "GIMP"):
        uri = found[name].esco_uri
        assert uri and uri.startswith("http://data.europa.eu/esco/skill/")
    ids = {s.id for s in extract_skills(NormalizedPosting(description=Description(text="GIMP")))}
    assert not any(i.startswith("esco:") for i in ids)  # one skill, not a duplicate ESCO one
